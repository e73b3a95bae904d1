import { randomBytes } from "node:crypto";
import { sealSecret } from "@/lib/connectors/credentials";
import { db } from "@/lib/db";
import type { HttpConnection, SqlConnection, SystemKind } from "@/lib/datamap/types";
import type { Prisma } from "@/lib/generated/prisma/client";

// For run tests: data map rows written straight into the portal's tables, compactly. Fields are
// "name", "name:email" (an identity), "name->collection.field" (a reference, possibly to another
// system's collection saved earlier or in the same call); "id" is the primary key.

export type TestSystem = {
  key: string;
  name?: string;
  kind?: SystemKind;
  ownerEmail?: string;
  /** Run by a third party, told of erasures (with its own notice address, when given). */
  thirdParty?: boolean;
  noticeEmail?: string;
  /** fideslang data uses (objections and restrictions reach the owners of systems with them). */
  dataUses?: string[];
  connection?: SqlConnection | HttpConnection | null;
  secret?: string;
  collections: Record<string, { fields: string[]; categories?: Record<string, string[]>; workspaceField?: string }>;
};

/** Saves the systems; returns their ids by key. References may point at systems saved earlier. */
export async function saveTestMap(systems: TestSystem[]): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  const pending: { fieldId: string; target: string }[] = [];
  for (const s of systems) {
    const system = await db.dataSystem.create({
      data: {
        key: `${s.key}-${randomBytes(3).toString("hex")}`,
        name: s.name ?? s.key,
        ownerEmail: s.ownerEmail ?? `${s.key}.owner@example.test`,
        purpose: "Provide the service",
        thirdParty: s.thirdParty ?? false,
        noticeEmail: s.noticeEmail ?? null,
        dataUses: s.dataUses ?? [],
        kind: s.kind ?? "POSTGRES",
        connection: (s.connection ?? undefined) as Prisma.InputJsonValue | undefined,
        secret: s.secret ? sealSecret(s.secret) : null,
      },
      select: { id: true },
    });
    ids[s.key] = system.id;
    let position = 0;
    for (const [name, c] of Object.entries(s.collections)) {
      const collection = await db.dataCollection.create({
        data: { systemId: system.id, name, workspaceField: c.workspaceField ?? null, position: position++ },
        select: { id: true },
      });
      let fieldPosition = 0;
      for (const spec of c.fields) {
        const [head, target] = spec.split("->");
        const [fieldName, identity] = head!.split(":");
        const field = await db.dataField.create({
          data: {
            collectionId: collection.id,
            name: fieldName!,
            identity: identity ?? null,
            primaryKey: fieldName === "id",
            categories: c.categories?.[fieldName!] ?? ["user"],
            position: fieldPosition++,
          },
          select: { id: true },
        });
        if (target) pending.push({ fieldId: field.id, target });
      }
    }
  }
  for (const { fieldId, target } of pending) {
    const [collection, field] = target.split(".");
    // A collection of this call first, else one saved earlier.
    const where = { name: field, collection: { name: collection } };
    const found =
      (await db.dataField.findFirst({ where: { ...where, collection: { ...where.collection, systemId: { in: Object.values(ids) } } }, select: { id: true } })) ??
      (await db.dataField.findFirstOrThrow({ where, select: { id: true } }));
    await db.dataField.update({ where: { id: fieldId }, data: { referencesFieldId: found.id } });
  }
  return ids;
}

/** Removes every system (and, through the cascade, their collections and fields). */
export async function clearTestMap(): Promise<void> {
  await db.recordChunk.deleteMany({});
  await db.fulfillmentTask.deleteMany({});
  await db.recordExclusion.deleteMany({});
  await db.fulfillmentRun.deleteMany({});
  await db.dataSystem.deleteMany({});
}
