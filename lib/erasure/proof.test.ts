import { describe, expect, it } from "vitest";
import type { ConnectorSession, FoundRow, Lookup } from "@/lib/connectors/types";
import type { MapCollection } from "@/lib/datamap/types";
import type { CollectionErasure } from "@/lib/erasure/collection";
import { proveChunk } from "@/lib/erasure/proof";

// proveChunk's judgement on what a lookup returns after the erasure (a session that returns fixed
// rows stands in for the database here; erase.integration.test.ts and erasure-run.integration.test.ts
// prove real erasures on PostgreSQL and MariaDB).

const collection: MapCollection = {
  id: "c",
  systemId: "s",
  name: "members",
  description: null,
  workspaceField: null,
  http: null,
  fields: [
    { id: "id", name: "id", description: null, categories: [], identity: null, primaryKey: true, referencesFieldId: null },
    { id: "email", name: "email", description: null, categories: ["user.contact.email"], identity: "email", primaryKey: false, referencesFieldId: null },
  ],
};

function answering(rows: FoundRow[]): ConnectorSession & { asked: Lookup[] } {
  const asked: Lookup[] = [];
  return {
    asked,
    async *lookup(lookup) {
      asked.push(lookup);
      yield rows;
    },
    async close() {},
  };
}

const erased = [{ id: 1, email: "a@x.test" }, { id: 2, email: "b@x.test" }];
const deletes: CollectionErasure = { collection: "members", deleteRows: true, changes: [], keyFields: ["id"], kept: [] };
const pseudonymises: CollectionErasure = { ...deletes, deleteRows: false, changes: [{ field: "email", to: { type: "pseudonym", email: true } }] };

describe("proveChunk", () => {
  it("looks the erased rows up by key and counts a deleted row found again", async () => {
    const session = answering([{ id: 2, email: "b@x.test" }]);
    expect(await proveChunk(session, collection, deletes, erased)).toEqual({ checked: 2, left: 1 });
    expect(session.asked[0]!.values).toEqual(["1", "2"]);
    expect(await proveChunk(answering([]), collection, deletes, erased)).toEqual({ checked: 2, left: 0 });
  });

  it("counts a changed row that still holds its original value, not one that was replaced", async () => {
    expect(await proveChunk(answering([{ id: 1, email: "anon_1" }, { id: 2, email: "b@x.test" }]), collection, pseudonymises, erased)).toEqual({ checked: 2, left: 1 });
  });

  it("after a correction, counts a row that does not hold its new value (one that already held it passes)", async () => {
    const corrects: CollectionErasure = { ...deletes, deleteRows: false, changes: [{ field: "email", to: { type: "value", value: "b@x.test" } }], correction: true };
    expect(await proveChunk(answering([{ id: 1, email: "a@x.test" }, { id: 2, email: "b@x.test" }]), collection, corrects, erased)).toEqual({ checked: 2, left: 1 });
    expect(await proveChunk(answering([{ id: 1, email: "b@x.test" }, { id: 2, email: "b@x.test" }]), collection, corrects, erased)).toEqual({ checked: 2, left: 0 });
  });
});
