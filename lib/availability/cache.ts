import "server-only";
import { db } from "@/lib/db";
import { sharedFreshReads } from "./shared-reads";

/**
 * Availability answers, cached per query in this process and keyed on the database's diary version
 * (bumped by triggers whenever bookings, hours, time off or rules change; see the migration).
 * While nothing changes a request costs at most a share of one primary-key read, so a busy
 * evening of patients browsing the calendar does not recompute the diary for every click. An entry
 * also expires when its first slot falls inside the notice period, and after a minute so the
 * horizon moves on.
 */
const MAX_ENTRIES = 500;
const MAX_AGE_MS = 60_000;

type Entry<T> = { version: string; computedAt: number; validUntil: number; value: T };
const store = globalThis as unknown as { vhAvailabilityCache?: Map<string, Entry<unknown>> };

/**
 * The diary version, read after each request began, so a change committed before a request is
 * always seen by it; a burst of patients costs a few primary-key reads, not one each.
 */
const state = globalThis as unknown as { vhDiaryVersion?: () => Promise<string> };
const getDiaryVersion = (state.vhDiaryVersion ??= sharedFreshReads(() =>
  db.diaryVersion.findUnique({ where: { id: 1 }, select: { version: true } }).then((row) => String(row?.version ?? 0n)),
));

export async function cachedAvailability<T>(
  key: string,
  now: number,
  compute: () => Promise<{ value: T; firstSlotDropsAt: number | null; cacheable: boolean }>,
): Promise<T> {
  const cache = (store.vhAvailabilityCache ??= new Map());
  const version = await getDiaryVersion();
  const hit = cache.get(key) as Entry<T> | undefined;
  if (hit && hit.version === version && now >= hit.computedAt && now < hit.validUntil) return hit.value;

  const { value, firstSlotDropsAt, cacheable } = await compute();
  if (cacheable) {
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.delete(key); // re-insert at the end: the Map's order is a cheap LRU
    cache.set(key, { version, computedAt: now, validUntil: Math.min(now + MAX_AGE_MS, firstSlotDropsAt ?? Infinity), value });
  }
  return value;
}
