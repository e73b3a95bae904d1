import { describe, expect, it } from "vitest";
import { correctionErasure, correctionErasures } from "@/lib/corrections/changes";
import { correctionSentences } from "@/lib/corrections/words";
import type { MapCollection, MapSystem } from "@/lib/datamap/types";
import { eraseStatement } from "@/lib/connectors/erase-sql";
import type { PlanSystem } from "@/lib/fulfillment/plan";

const field = (name: string, extra: Partial<MapCollection["fields"][number]> = {}) => ({
  id: `f-${name}`,
  name,
  description: null,
  categories: ["user.name"],
  identity: null,
  primaryKey: false,
  referencesFieldId: null,
  ...extra,
});
const members: MapCollection = {
  id: "c-members",
  systemId: "s",
  name: "members",
  description: "People who sign in",
  workspaceField: null,
  http: null,
  fields: [field("id", { primaryKey: true }), field("email", { identity: "email" }), field("full_name", { correctable: true })],
};
const billing: MapCollection = { ...members, id: "c-billing", name: "billing", fields: [field("email", { identity: "email" }), field("city", { correctable: true })] };
const system: MapSystem = { id: "s", key: "product", name: "Product", kind: "POSTGRES", collections: [members, billing] } as unknown as MapSystem;
const planned = {
  systemId: "s",
  collections: [
    { collectionId: "c-members", name: "members", lookups: [{ fieldId: "f-email", field: "email", from: { type: "identity", identity: "email" } }], workspaceScoped: false, inPackage: true },
    { collectionId: "c-billing", name: "billing", lookups: [{ fieldId: "f-email", field: "email", from: { type: "identity", identity: "email" } }], workspaceScoped: false, inPackage: true },
  ],
} as unknown as PlanSystem;

describe("a correction as the connector applies it", () => {
  it("sets each proposed field to its new value on the rows found, addressed by key, or by the field they were found by", () => {
    const changes = [{ collectionId: "c-billing", field: "city", value: "Bath" }];
    expect(correctionErasures(planned, system, changes).map((e) => e.erasure)).toEqual([
      { collection: "billing", deleteRows: false, changes: [{ field: "city", to: { type: "value", value: "Bath" } }], keyFields: ["email"], kept: [], correction: true },
    ]);
    const erasure = correctionErasure(members, [{ collectionId: "c-members", field: "full_name", value: "Kim Lee" }], ["email"]);
    expect(erasure.keyFields).toEqual(["id"]);
    const dialect = { quote: (n: string) => `"${n}"`, param: (n: number) => `$${n}` };
    expect(eraseStatement(dialect, '"members"', erasure, [{ id: 1, full_name: "Kim" }, { id: 3, full_name: null }], () => "")).toEqual({
      text: 'UPDATE "members" SET "full_name" = $1 WHERE "id" IN ($2, $3)',
      values: ["Kim Lee", 1, 3],
    });
  });

  it("says what was corrected and who was asked, without any value", () => {
    expect(correctionSentences({ corrected: [{ system: "Product", what: "People who sign in: full name", records: 2 }], byHand: ["Finance"] })).toEqual([
      "We corrected: People who sign in: full name (2 records, Product).",
      "We asked the people who run these systems to correct them too: Finance.",
    ]);
    expect(correctionSentences({ corrected: [], byHand: [] })).toEqual([]);
  });
});
