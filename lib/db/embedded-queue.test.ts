import type { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { CycleQueue } from "@/lib/db/embedded-queue";

// A stand-in for PGlite's one session that records the order messages reach it.
function fakeSession(inTransaction: () => boolean = () => false) {
  const order: string[] = [];
  const db = {
    runExclusive: <T>(fn: () => Promise<T>) => fn(),
    execProtocolRawStream: async (message: Uint8Array) => {
      order.push(new TextDecoder().decode(message));
    },
    isInTransaction: inTransaction,
    exec: async () => {},
  };
  return { db: db as unknown as PGlite, order };
}

const msg = (type: string, tag: string) => new TextEncoder().encode(`${type}${tag}`);
const noop = () => {};

describe("CycleQueue", () => {
  it("keeps one connection's Parse/Bind/Execute/Sync together, whatever arrives in between", async () => {
    const { db, order } = fakeSession();
    const queue = new CycleQueue(db);
    // Connection 1 has sent Parse and Bind; connection 2's whole cycle is waiting; then 1's
    // Execute and Sync arrive. Connection 2 must not run between 1's Bind and Execute.
    const first = [queue.enqueue(1, msg("P", "1"), noop), queue.enqueue(1, msg("B", "1"), noop)];
    const second = ["P", "B", "E", "S"].map((t) => queue.enqueue(2, msg(t, "2"), noop));
    await Promise.all(first);
    const rest = [queue.enqueue(1, msg("E", "1"), noop), queue.enqueue(1, msg("S", "1"), noop)];
    await Promise.all([...rest, ...second]);
    expect(order).toEqual(["P1", "B1", "E1", "S1", "P2", "B2", "E2", "S2"]);
  });

  it("keeps a connection to itself for a whole transaction", async () => {
    let inTx = false;
    const { db, order } = fakeSession(() => inTx);
    const queue = new CycleQueue(db);
    const begin = queue.enqueue(1, msg("Q", "BEGIN"), noop).then(() => {
      inTx = true;
    });
    inTx = true;
    await begin;
    const other = queue.enqueue(2, msg("Q", "other"), noop);
    await queue.enqueue(1, msg("Q", "update"), noop);
    inTx = false;
    await queue.enqueue(1, msg("Q", "COMMIT"), noop);
    await other;
    expect(order).toEqual(["QBEGIN", "Qupdate", "QCOMMIT", "Qother"]);
  });

  it("lets others go when a connection closes mid-cycle", async () => {
    const { db, order } = fakeSession();
    const queue = new CycleQueue(db);
    await queue.enqueue(1, msg("P", "1"), noop);
    const other = queue.enqueue(2, msg("Q", "2"), noop);
    queue.clearQueueForHandler(1);
    await other;
    expect(order).toEqual(["P1", "Q2"]);
  });
});
