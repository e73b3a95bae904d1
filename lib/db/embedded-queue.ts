import type { PGlite } from "@electric-sql/pglite";

type Item = {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
};

// Extended-query messages that belong to a cycle still open: Parse, Bind, Describe, Execute,
// Close, Flush. The cycle ends with Sync; a simple Query is a cycle of its own.
const CYCLE_CONTINUES = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]);

/**
 * Runs every connection's messages on PGlite's single session, one connection at a time.
 *
 * PGlite has one session, so connections share its unnamed statement and portal. pglite-socket's
 * own queue keeps a connection to itself only inside a transaction; between two connections'
 * Parse/Bind/Execute/Sync it can interleave them, and one then fails with `portal "" does not
 * exist`. This queue hands the session to another connection only at a cycle's end (Sync or a
 * simple Query) outside a transaction.
 */
export class CycleQueue {
  private queue: Item[] = [];
  private processing = false;
  private owner: number | null = null;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  private async process(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const index = this.owner === null ? 0 : this.queue.findIndex((item) => item.handlerId === this.owner);
        // The owner's next message has not arrived yet: everyone else waits for it.
        if (index === -1) break;
        const [item] = this.queue.splice(index, 1);
        if (!item) break;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          this.owner = this.db.isInTransaction() ? item.handlerId : null;
          item.reject(error);
          continue;
        }
        const open = CYCLE_CONTINUES.has(item.message[0] ?? 0) || this.db.isInTransaction();
        this.owner = open ? item.handlerId : null;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    this.queue = this.queue.filter((item) => {
      if (item.handlerId !== handlerId) return true;
      item.reject(new Error("Connection closed"));
      return false;
    });
    if (this.owner === handlerId && !this.db.isInTransaction()) {
      this.owner = null;
      void this.process();
    }
  }

  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    this.owner = null;
    void this.process();
  }
}
