import "server-only";
import type { FoundRow } from "@/lib/connectors/types";
import type { Identity } from "@/lib/datamap/types";
import { getEnv } from "@/lib/env";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { decrypt, decryptBytes, encrypt, encryptBytes } from "@/lib/security/encryption";

// Where a run keeps what it found until the package is released: batches of records ("chunks"),
// each sealed under the "fulfillment-records" key purpose, one row per batch. Reading walks the
// chunks one at a time, so memory holds one batch whatever the person's data amounts to.
// A record's key within its run and collection is "<chunk seq>.<index in chunk>".

const PURPOSE = "fulfillment-records";
/** Rows per chunk; a chunk is also closed early once its JSON passes MAX_CHUNK_BYTES. */
export const CHUNK_ROWS = 1000;
const MAX_CHUNK_BYTES = 1 << 20;

type ChunkDb = Pick<Db | Prisma.TransactionClient, "recordChunk">;

export function sealJson(value: unknown): Uint8Array<ArrayBuffer> {
  return encrypt(getEnv().APP_SECRET, PURPOSE, JSON.stringify(value));
}

export function openJson<T>(sealed: Uint8Array): T {
  return JSON.parse(decrypt(getEnv().APP_SECRET, PURPOSE, sealed)) as T;
}

export function sealIdentities(identities: Identity[]): Uint8Array<ArrayBuffer> {
  return sealJson(identities);
}

export function openIdentities(sealed: Uint8Array): Identity[] {
  return openJson<Identity[]>(sealed);
}

/** A file a manual system's owner uploaded, sealed like the records. */
export function sealFile(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return encryptBytes(getEnv().APP_SECRET, PURPOSE, bytes);
}

export function openFile(sealed: Uint8Array): Uint8Array<ArrayBuffer> {
  return decryptBytes(getEnv().APP_SECRET, PURPOSE, sealed);
}

/**
 * Collects one collection's rows for one task and writes them a chunk at a time. Not safe to share
 * between collections; call flush() at the end. Returns how many rows were written in total.
 */
export class ChunkWriter {
  /** The pending rows, each already as JSON: serialised once, for the size check and the chunk. */
  private rows: string[] = [];
  private bytes = 0;
  private seq = 0;
  written = 0;

  constructor(
    private readonly db: ChunkDb,
    private readonly target: { runId: string; taskId: string; collectionId: string },
  ) {}

  async add(batch: readonly FoundRow[]): Promise<void> {
    for (const row of batch) {
      const json = JSON.stringify(row);
      this.rows.push(json);
      this.bytes += json.length;
      if (this.rows.length >= CHUNK_ROWS || this.bytes >= MAX_CHUNK_BYTES) await this.flush();
    }
  }

  async flush(): Promise<number> {
    if (this.rows.length) {
      const rows = this.rows;
      this.rows = [];
      this.bytes = 0;
      // The same bytes sealJson(rows) would seal.
      const ciphertext = encrypt(getEnv().APP_SECRET, PURPOSE, `[${rows.join(",")}]`);
      await this.db.recordChunk.create({ data: { ...this.target, seq: this.seq++, rowCount: rows.length, ciphertext } });
      this.written += rows.length;
    }
    return this.written;
  }
}

export type StoredRecord = { key: string; record: FoundRow };

/** A run's records of one collection, chunk by chunk, in order: one chunk in memory at a time. */
export async function* readRecordChunks(db: ChunkDb, runId: string, collectionId: string): AsyncGenerator<{ seq: number; rows: FoundRow[] }> {
  let after = -1;
  for (;;) {
    const chunk = await db.recordChunk.findFirst({
      where: { runId, collectionId, seq: { gt: after } },
      orderBy: { seq: "asc" },
      select: { seq: true, ciphertext: true },
    });
    if (!chunk) return;
    after = chunk.seq;
    yield { seq: chunk.seq, rows: openJson<FoundRow[]>(chunk.ciphertext) };
  }
}

/** The same, record by record, each with its key. */
export async function* readRecords(db: ChunkDb, runId: string, collectionId: string): AsyncGenerator<StoredRecord> {
  for await (const { seq, rows } of readRecordChunks(db, runId, collectionId)) {
    for (let i = 0; i < rows.length; i++) yield { key: `${seq}.${i}`, record: rows[i]! };
  }
}

/** Deletes what one task wrote (before it runs again, so a retried task never doubles its rows). */
export async function deleteTaskRecords(db: ChunkDb, taskId: string): Promise<void> {
  await db.recordChunk.deleteMany({ where: { taskId } });
}
