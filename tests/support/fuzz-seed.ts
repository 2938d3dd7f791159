/**
 * The seed of every property-based test, so a run is repeatable: a failure prints its seed and
 * path, and `FUZZ_SEED=<seed> npm test` replays it. Change it (or set FUZZ_SEED) to explore further.
 */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);
