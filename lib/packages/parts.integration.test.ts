import { createHash, randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { openStoredPackage, PART_BYTES, PackagePartSink, packagePartsStream, readPackageParts } from "@/lib/packages/parts";
import { purgeExpiredPackages } from "@/lib/packages/purge";
import { verifiedRequest } from "@/lib/testing/requests";
import { seed } from "@/prisma/seed";

// An assembled package is stored as sealed parts of 1 MiB: it reads back byte for byte, and a
// package whose parts were swapped, dropped or cut short refuses to open.

let requestId: string;

beforeAll(async () => {
  await seed(db);
  ({ requestId } = await verifiedRequest());
});

async function newPackage(): Promise<string> {
  const row = await db.dataPackage.create({
    data: { requestId, filename: "x.zip", contentType: "application/zip", size: 0, sha256: "", expiresAt: new Date() },
    select: { id: true },
  });
  return row.id;
}

async function store(bytes: Buffer): Promise<{ packageId: string; sink: PackagePartSink }> {
  const packageId = await newPackage();
  const sink = new PackagePartSink(db, packageId);
  // Written in odd-sized pieces, as a zip stream hands them over.
  const pieces = function* () {
    for (let i = 0; i < bytes.length; i += 70_001) yield bytes.subarray(i, i + 70_001);
  };
  await pipeline(Readable.from(pieces()), sink);
  return { packageId, sink };
}

async function readAll(packageId: string): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const part of readPackageParts(db, packageId)) out.push(Buffer.from(part));
  return Buffer.concat(out);
}

describe("package parts", () => {
  it("stores a file in sealed 1 MiB parts and reads it back, with its size and checksum", async () => {
    const bytes = randomBytes(2 * PART_BYTES + 12_345);
    const { packageId, sink } = await store(bytes);
    expect(sink.size).toBe(bytes.length);
    expect(sink.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    const parts = await db.dataPackagePart.findMany({ where: { packageId }, orderBy: { seq: "asc" } });
    expect(parts.map((p) => p.seq)).toEqual([0, 1, 2]);
    // Sealed: the plaintext is nowhere in the stored bytes.
    expect(Buffer.from(parts[0]!.ciphertext).includes(bytes.subarray(0, 64))).toBe(false);
    expect((await readAll(packageId)).equals(bytes)).toBe(true);

    // The web stream a download route serves gives the same bytes.
    const streamed = Buffer.from(await new Response(packagePartsStream(db, packageId)).arrayBuffer());
    expect(streamed.equals(bytes)).toBe(true);
  });

  it("stores an exact multiple of the part size and an empty file", async () => {
    const exact = randomBytes(PART_BYTES);
    expect((await readAll((await store(exact)).packageId)).equals(exact)).toBe(true);
    expect((await readAll((await store(Buffer.alloc(0))).packageId)).length).toBe(0);
  });

  it("refuses a package whose parts were swapped, dropped, cut short or moved from another package", async () => {
    const bytes = randomBytes(3 * PART_BYTES + 10);
    const original = await store(bytes);
    const parts = await db.dataPackagePart.findMany({ where: { packageId: original.packageId }, orderBy: { seq: "asc" } });
    expect(parts).toHaveLength(4);

    const copy = async (order: number[]) => {
      const packageId = await newPackage();
      for (const [seq, from] of order.entries()) await db.dataPackagePart.create({ data: { packageId, seq, ciphertext: parts[from]!.ciphertext } });
      return packageId;
    };
    // The copy under another package id: the parts belong to their own package only.
    await expect(readAll(await copy([0, 1, 2, 3]))).rejects.toThrow();

    // Swapped: parts 1 and 2 change places.
    const swapped = (await store(bytes)).packageId;
    const [p1, p2] = await db.dataPackagePart.findMany({ where: { packageId: swapped, seq: { in: [1, 2] } }, orderBy: { seq: "asc" } });
    await db.dataPackagePart.update({ where: { packageId_seq: { packageId: swapped, seq: 1 } }, data: { ciphertext: p2!.ciphertext } });
    await db.dataPackagePart.update({ where: { packageId_seq: { packageId: swapped, seq: 2 } }, data: { ciphertext: p1!.ciphertext } });
    await expect(readAll(swapped)).rejects.toThrow();

    // Dropped: part 1 is gone.
    const dropped = (await store(bytes)).packageId;
    await db.dataPackagePart.delete({ where: { packageId_seq: { packageId: dropped, seq: 1 } } });
    await expect(readAll(dropped)).rejects.toThrow();

    // Cut short: the last part is gone, so part 2 ends the package without being the last.
    const truncated = (await store(bytes)).packageId;
    await db.dataPackagePart.delete({ where: { packageId_seq: { packageId: truncated, seq: 3 } } });
    await expect(readAll(truncated)).rejects.toThrow();

    // Renumbered: the middle part dropped and the rest moved up to close the gap.
    const renumbered = (await store(bytes)).packageId;
    const rest = await db.dataPackagePart.findMany({ where: { packageId: renumbered }, orderBy: { seq: "asc" } });
    await db.dataPackagePart.deleteMany({ where: { packageId: renumbered } });
    for (const [seq, part] of [rest[0]!, rest[2]!, rest[3]!].entries()) {
      await db.dataPackagePart.create({ data: { packageId: renumbered, seq, ciphertext: part.ciphertext } });
    }
    await expect(readAll(renumbered)).rejects.toThrow();

    // The untouched one still opens.
    expect((await readAll(original.packageId)).equals(bytes)).toBe(true);
  });

  it("are deleted with the package's bytes when housekeeping purges it", async () => {
    const { requestId: closedId } = await verifiedRequest();
    const long = new Date(Date.now() - 400 * 86_400_000);
    await db.request.update({ where: { id: closedId }, data: { status: "COMPLETED", closedAt: long } });
    const row = await db.dataPackage.create({
      data: { requestId: closedId, filename: "x.zip", contentType: "application/zip", size: 0, sha256: "", expiresAt: long, releasedAt: long },
      select: { id: true },
    });
    await pipeline(Readable.from([randomBytes(PART_BYTES + 1)]), new PackagePartSink(db, row.id));
    expect(await db.dataPackagePart.count({ where: { packageId: row.id } })).toBe(2);
    expect(await purgeExpiredPackages()).toBeGreaterThanOrEqual(1);
    expect(await db.dataPackagePart.count({ where: { packageId: row.id } })).toBe(0);
    const purged = await db.dataPackage.findUniqueOrThrow({ where: { id: row.id } });
    expect(purged.purgedAt).not.toBeNull();
    expect(await openStoredPackage(db, purged)).toBeNull();
  });
});
