import { describe, expect, it } from "vitest";
import { eraseStatement, type Dialect } from "@/lib/connectors/erase-sql";
import type { CollectionErasure } from "@/lib/erasure/collection";

const pgDialect: Dialect = { quote: (n) => `"${n}"`, param: (n) => `$${n}` };
const myDialect: Dialect = { quote: (n) => `\`${n}\``, param: () => "?" };
const pseudo = (value: string, email: boolean) => `anon_${email ? value.toLowerCase() : value}`;

const erasure = (overrides: Partial<CollectionErasure>): CollectionErasure => ({ collection: "members", deleteRows: false, changes: [], keyFields: ["id"], kept: [], ...overrides });

describe("eraseStatement", () => {
  it("deletes rows by key, each key once, values bound", () => {
    expect(eraseStatement(pgDialect, `"public"."members"`, erasure({ deleteRows: true }), [{ id: 1 }, { id: 2 }, { id: 1 }], pseudo)).toEqual({
      text: `DELETE FROM "public"."members" WHERE "id" IN ($1, $2)`,
      values: [1, 2],
    });
  });

  it("addresses a composite key as a row value, and skips a row whose key is missing", () => {
    expect(eraseStatement(myDialect, "`seats`", erasure({ deleteRows: true, keyFields: ["account_id", "member_id"] }), [{ account_id: 1, member_id: 7 }, { account_id: 2, member_id: null }], pseudo)).toEqual({
      text: "DELETE FROM `seats` WHERE (`account_id`, `member_id`) IN ((?, ?))",
      values: [1, 7],
    });
    expect(eraseStatement(myDialect, "`seats`", erasure({ deleteRows: true, keyFields: ["account_id", "member_id"] }), [{ account_id: 2, member_id: null }], pseudo)).toBeNull();
  });

  it("empties, replaces and pseudonymises in one UPDATE; a pseudonym replaces only the original value", () => {
    const statement = eraseStatement(
      pgDialect,
      `"public"."members"`,
      erasure({
        changes: [
          { field: "phone", to: { type: "null" } },
          { field: "full_name", to: { type: "value", value: "Erased member" } },
          { field: "email", to: { type: "pseudonym", email: true } },
        ],
      }),
      [{ id: 1, email: "Alex@Example.com" }, { id: 2, email: "Alex@Example.com" }],
      pseudo,
    );
    expect(statement).toEqual({
      text: `UPDATE "public"."members" SET "phone" = NULL, "full_name" = $1, "email" = CASE "email" WHEN $2 THEN $3 ELSE "email" END WHERE "id" IN ($4, $5)`,
      values: ["Erased member", "Alex@Example.com", "anon_alex@example.com", 1, 2],
    });
  });

  it("does nothing when every field is kept or no row can be addressed", () => {
    expect(eraseStatement(pgDialect, "t", erasure({}), [{ id: 1 }], pseudo)).toBeNull();
    expect(eraseStatement(pgDialect, "t", erasure({ deleteRows: true, keyFields: [] }), [{ id: 1 }], pseudo)).toBeNull();
    expect(eraseStatement(pgDialect, "t", erasure({ changes: [{ field: "email", to: { type: "pseudonym", email: true } }] }), [{ id: 1, email: null }], pseudo)).toBeNull();
  });
});
