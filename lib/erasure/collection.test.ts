import { describe, expect, it } from "vitest";
import type { MapCollection, MapField } from "@/lib/datamap/types";
import { collectionErasure, erasesSomething } from "@/lib/erasure/collection";

const field = (name: string, categories: string[], extra: Partial<MapField> = {}): MapField => ({
  id: name,
  name,
  description: null,
  categories,
  identity: null,
  primaryKey: false,
  referencesFieldId: null,
  ...extra,
});
const collection = (fields: MapField[]): MapCollection => ({ id: "c", systemId: "s", name: "members", description: null, workspaceField: null, http: null, fields });

describe("collectionErasure", () => {
  it("deletes the row when one field says so, whatever the others say", () => {
    const c = collection([field("id", ["user.unique_id"], { primaryKey: true }), field("email", ["user.contact.email"], { erasure: { strategy: "DELETE_ROW", value: null, reason: null } }), field("name", ["user.name"])]);
    expect(collectionErasure(c, { referenced: new Set(), foundBy: ["email"] })).toEqual({ collection: "members", deleteRows: true, changes: [], keyFields: ["id"], kept: [] });
  });

  it("changes personal fields in place by default, keeps keys and what is not personal, and names what is kept and why", () => {
    const c = collection([
      field("id", ["user.unique_id"], { primaryKey: true }),
      field("email", ["user.contact.email"], { identity: "email", erasure: { strategy: "PSEUDONYMIZE", value: null, reason: null } }),
      field("name", ["user.name"]),
      field("vat", ["user.financial"], { erasure: { strategy: "KEEP", value: null, reason: "Tax law: 10 years" } }),
      field("plan", ["system.operations"]),
    ]);
    const erasure = collectionErasure(c, { referenced: new Set(), foundBy: ["email"] });
    expect(erasure).toEqual({
      collection: "members",
      deleteRows: false,
      changes: [
        { field: "email", to: { type: "pseudonym", email: true } },
        { field: "name", to: { type: "null" } },
      ],
      keyFields: ["id"],
      kept: [
        { field: "id", reason: "A key other rows are found by; the personal fields around it are erased." },
        { field: "vat", reason: "Tax law: 10 years" },
      ],
    });
    expect(erasesSomething(erasure)).toBe(true);
  });

  it("addresses rows by the fields they were found by when the map names no primary key", () => {
    const c = collection([field("email", ["user.contact.email"], { identity: "email", erasure: { strategy: "DELETE_ROW", value: null, reason: null } })]);
    expect(collectionErasure(c, { referenced: new Set(), foundBy: ["email", "email"] }).keyFields).toEqual(["email"]);
    expect(erasesSomething(collectionErasure(collection([field("plan", ["system.operations"])]), { referenced: new Set(), foundBy: [] }))).toBe(false);
  });
});
