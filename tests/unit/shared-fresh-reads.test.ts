import { describe, expect, it } from "vitest";
import { sharedFreshReads } from "@/lib/availability/shared-reads";

/** A reader whose reads finish when the test says, each returning the value current at its start. */
function controlledReader() {
  let value = 0;
  const pending: (() => void)[] = [];
  let started = 0;
  return {
    set: (next: number) => (value = next),
    get started() {
      return started;
    },
    finishOne: async () => {
      pending.shift()!();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
    read: () => {
      started++;
      const seen = value;
      return new Promise<number>((resolve) => pending.push(() => resolve(seen)));
    },
  };
}

describe("sharedFreshReads", () => {
  it("shares one read among the calls that arrive while another is under way", async () => {
    const reader = controlledReader();
    const get = sharedFreshReads(reader.read);
    const first = get();
    const burst = Array.from({ length: 20 }, () => get());
    expect(reader.started).toBe(1);
    await reader.finishOne();
    expect(await first).toBe(0);
    expect(reader.started).toBe(2); // one more read, for all twenty
    await reader.finishOne();
    expect(await Promise.all(burst)).toEqual(Array(20).fill(0));
    expect(reader.started).toBe(2);
  });

  it("never answers a call with a read that began before it", async () => {
    const reader = controlledReader();
    const get = sharedFreshReads(reader.read);
    const early = get(); // its read sees version 0
    reader.set(1); // a change commits while that read is under way
    const late = get();
    await reader.finishOne();
    expect(await early).toBe(0);
    await reader.finishOne();
    expect(await late).toBe(1);
  });

  it("starts afresh once nothing is running, and survives a failed read", async () => {
    const get = sharedFreshReads(async () => {
      throw new Error("database down");
    });
    await expect(get()).rejects.toThrow("database down");
    await expect(get()).rejects.toThrow("database down");
    let calls = 0;
    const counting = sharedFreshReads(async () => ++calls);
    expect(await counting()).toBe(1);
    expect(await counting()).toBe(2);
  });
});
