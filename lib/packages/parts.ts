import "server-only";
import { createHash, type Hash } from "node:crypto";
import { Writable } from "node:stream";
import type { Db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DownloadFile } from "@/lib/http/file-download";
import { openSealedPackage } from "@/lib/packages/seal";
import { decryptBytes, encryptBytes } from "@/lib/security/encryption";

// Packages the portal assembles itself are stored as parts of 1 MiB, each sealed on its own under
// the data-package key purpose, so that neither writing nor serving one holds the whole file in
// memory. Each part's associated data names its package, its place and whether it is the last
// one: a part moved to another package or place, a part dropped, or the last parts cut off all
// make the package refuse to open, although each part on its own is intact.

const PURPOSE = "data-package";
export const PART_BYTES = 1 << 20;

type PartDb = Pick<Db | Prisma.TransactionClient, "dataPackagePart">;

function partAad(packageId: string, seq: number, last: boolean): Buffer {
  return Buffer.from(`${packageId}|${seq}|${last ? 1 : 0}`, "utf8");
}

/**
 * A writable stream that seals what is written to it into the package's parts, inserting each
 * part as soon as it is full and waiting for the insert before taking more (so a fast producer
 * is held back by the database, not buffered). After `finish`, `size` and `sha256` describe the
 * plaintext. The package row must exist.
 */
export class PackagePartSink extends Writable {
  size = 0;
  sha256 = "";
  parts = 0;
  private readonly hash: Hash = createHash("sha256");
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(
    private readonly db: PartDb,
    private readonly packageId: string,
  ) {
    super({ highWaterMark: PART_BYTES });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.hash.update(chunk);
    this.size += chunk.byteLength;
    this.pending.push(chunk);
    this.pendingBytes += chunk.byteLength;
    this.drainFull().then(() => callback(), callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    // The rest, possibly empty, is the last part: a package always ends with one marked last.
    this.insert(this.take(this.pendingBytes), true).then(() => {
      this.sha256 = this.hash.digest("hex");
      callback();
    }, callback);
  }

  private async drainFull(): Promise<void> {
    while (this.pendingBytes >= PART_BYTES) await this.insert(this.take(PART_BYTES), false);
  }

  private take(bytes: number): Buffer {
    const all = Buffer.concat(this.pending, this.pendingBytes);
    const part = all.subarray(0, bytes);
    const rest = all.subarray(bytes);
    this.pending = rest.byteLength ? [Buffer.from(rest)] : [];
    this.pendingBytes = rest.byteLength;
    return part;
  }

  private async insert(plaintext: Buffer, last: boolean): Promise<void> {
    const seq = this.parts++;
    const ciphertext = encryptBytes(getEnv().DATA_PACKAGE_KEY, PURPOSE, plaintext, partAad(this.packageId, seq, last));
    await this.db.dataPackagePart.create({ data: { packageId: this.packageId, seq, ciphertext } });
  }
}

/**
 * The package's plaintext, part by part, one part in memory at a time. Throws (mid-stream) when a
 * part is missing, out of place, from another package, altered, or the last part is gone.
 */
export async function* readPackageParts(db: PartDb, packageId: string): AsyncGenerator<Uint8Array<ArrayBuffer>> {
  const key = getEnv().DATA_PACKAGE_KEY;
  for (let seq = 0; ; seq++) {
    const part = await db.dataPackagePart.findUnique({ where: { packageId_seq: { packageId, seq } }, select: { ciphertext: true } });
    if (!part) throw new Error("Package part missing");
    let plaintext: Uint8Array<ArrayBuffer>;
    try {
      plaintext = decryptBytes(key, PURPOSE, part.ciphertext, partAad(packageId, seq, false));
    } catch {
      // Only the last part opens as the last one; anything else is not this package's part `seq`.
      plaintext = decryptBytes(key, PURPOSE, part.ciphertext, partAad(packageId, seq, true));
      const after = await db.dataPackagePart.count({ where: { packageId, seq: { gt: seq } } });
      if (after > 0) throw new Error("Package has parts after its last");
      if (plaintext.byteLength) yield plaintext;
      return;
    }
    yield plaintext;
  }
}

/** The package as a web stream for a Response body (pulled part by part as the client reads). */
export function packagePartsStream(db: PartDb, packageId: string): ReadableStream<Uint8Array> {
  return webStream(readPackageParts(db, packageId));
}

/** A web stream pulling from an async generator (text is sent as UTF-8), one piece per read. */
export function webStream(pieces: AsyncGenerator<Uint8Array | string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await pieces.next();
        if (next.done) controller.close();
        else controller.enqueue(typeof next.value === "string" ? encoder.encode(next.value) : next.value);
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await pieces.return(undefined);
    },
  });
}

/** Whether a package row stores its file in parts (assembled) rather than in one piece (uploaded). */
export async function hasParts(db: PartDb, packageId: string): Promise<boolean> {
  return (await db.dataPackagePart.count({ where: { packageId, seq: 0 } })) > 0;
}

type StoredPackage = { id: string; filename: string; contentType: string; size: number; ciphertext: Uint8Array | null };

/**
 * The file of a package row to serve, or null when its bytes are gone (purged): an upload opened
 * in one piece, an assembled package as a stream of its parts.
 */
export async function openStoredPackage(db: PartDb, row: StoredPackage): Promise<DownloadFile | null> {
  const { filename, contentType } = row;
  if (row.ciphertext) return { filename, contentType, bytes: openSealedPackage(row.ciphertext) };
  if (!(await hasParts(db, row.id))) return null;
  return { filename, contentType, size: row.size, body: packagePartsStream(db, row.id) };
}
