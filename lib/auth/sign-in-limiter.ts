import "server-only";

/**
 * Slows password guessing without letting an attacker lock a real user out for long:
 * failures are counted per account, per address, and per account-and-address pair in a
 * 15-minute window. Each limit blocks only new attempts until its window ends (at most 15 minutes),
 * and a successful sign-in clears the pair's count. In-memory, like the booking limit.
 */
const WINDOW_MS = 15 * 60_000;
const LIMITS = { pair: 5, account: 20, address: 30 } as const;

type Counter = { windowStart: number; failures: number };
const store = globalThis as unknown as { vhSignInFailures?: Map<string, Counter> };

function counters() {
  return (store.vhSignInFailures ??= new Map());
}

function keysFor(email: string, address: string) {
  return { pair: `pair:${email}|${address}`, account: `account:${email}`, address: `address:${address}` };
}

function current(key: string, now: number): Counter | undefined {
  const counter = counters().get(key);
  if (!counter || now - counter.windowStart >= WINDOW_MS) return undefined;
  return counter;
}

export function isSignInBlocked(email: string, address: string, now = Date.now()): boolean {
  const keys = keysFor(email, address);
  return (Object.keys(LIMITS) as (keyof typeof LIMITS)[]).some((kind) => (current(keys[kind], now)?.failures ?? 0) >= LIMITS[kind]);
}

export function recordSignInFailure(email: string, address: string, now = Date.now()): void {
  for (const key of Object.values(keysFor(email, address))) {
    const counter = current(key, now);
    if (counter) counter.failures++;
    else counters().set(key, { windowStart: now, failures: 1 });
  }
}

export function recordSignInSuccess(email: string, address: string): void {
  counters().delete(keysFor(email, address).pair);
}

export function resetSignInLimits(): void {
  counters().clear();
}
