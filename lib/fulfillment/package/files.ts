import "server-only";
import type { Db } from "@/lib/db";
import { packageRecords, type PackageCollection, type PackageContents } from "@/lib/fulfillment/package/contents";
import { csvRow } from "@/lib/fulfillment/package/format";

// The machine-readable files of a package, each written as a stream over the records.

/**
 * data.json: { request, generatedAt, rule, systems: [{ key, name, purpose, thirdParty,
 * collections: [{ name, categories, records: [...] }], files }] }, one record at a time.
 */
export async function* dataJson(db: Db, contents: PackageContents): AsyncGenerator<string> {
  const { request, org } = contents;
  const head = {
    controller: { legalName: org.legalName, privacyEmail: org.privacyEmail },
    request: { reference: request.reference, receivedAt: request.receivedAt.toISOString() },
    kind: contents.kind,
    generatedAt: contents.generatedAt.toISOString(),
  };
  yield `${JSON.stringify(head).slice(0, -1)},"systems":[`;
  for (const [i, s] of contents.systems.entries()) {
    const system = { key: s.system.key, name: s.system.name, purpose: s.system.purpose, thirdParty: s.system.thirdParty };
    yield `${i ? "," : ""}\n${JSON.stringify(system).slice(0, -1)},"collections":[`;
    for (const [j, c] of s.collections.entries()) {
      const categories = [...new Set(c.fields.flatMap((f) => f.categories))];
      yield `${j ? "," : ""}\n${JSON.stringify({ name: c.collection.name, categories }).slice(0, -1)},"records":[`;
      let first = true;
      for await (const records of packageRecords(db, contents, c)) {
        yield `${first ? "" : ","}\n${records.map((r) => JSON.stringify(r)).join(",\n")}`;
        first = false;
      }
      yield `]}`;
    }
    yield `],"files":${JSON.stringify(s.files.map((f) => f.path))}}`;
  }
  yield `]}\n`;
}

/** One collection as CSV: a header of the field names, then one row per record. */
export async function* collectionCsv(db: Db, contents: PackageContents, entry: PackageCollection): AsyncGenerator<string> {
  yield csvRow(entry.fields.map((f) => f.name));
  for await (const records of packageRecords(db, contents, entry)) yield records.map((record) => csvRow(entry.fields.map((f) => record[f.name]))).join("");
}
