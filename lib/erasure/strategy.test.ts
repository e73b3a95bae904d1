import { describe, expect, it } from "vitest";
import type { ColumnFacts } from "@/lib/connectors/types";
import { pseudonym } from "@/lib/erasure/pseudonym";
import { defaultErasure, describeErasure, effectiveErasure, PSEUDONYM_LENGTH, strategyProblem } from "@/lib/erasure/strategy";

const column = (facts: Partial<ColumnFacts> = {}): ColumnFacts => ({ name: "email", nullable: true, unique: false, referencedBy: [], kind: "text", maxLength: null, ...facts });
const field = (categories: string[], primaryKey = false) => ({ categories, primaryKey });

describe("erasure defaults", () => {
  it("empties a personal field, keeps keys and what is not personal, with the reason", () => {
    expect(defaultErasure(field(["user.contact.email"]), false)).toEqual({ strategy: "SET_NULL", value: null, reason: null });
    expect(defaultErasure(field(["system.operations"]), false)).toMatchObject({ strategy: "KEEP", reason: "Not personal data by its categories." });
    expect(defaultErasure(field(["user.unique_id"], true), false).strategy).toBe("KEEP");
    expect(defaultErasure(field(["user.unique_id"]), true).strategy).toBe("KEEP");
  });

  it("takes the admin's choice over the default", () => {
    const chosen = { ...field(["user.financial"]), erasure: { strategy: "KEEP" as const, value: null, reason: "Invoices are kept 10 years (tax law)" } };
    expect(effectiveErasure(chosen, false)).toEqual({ strategy: "KEEP", value: null, reason: "Invoices are kept 10 years (tax law)", chosen: true });
    expect(effectiveErasure({ ...field(["user.name"]), erasure: null }, false)).toMatchObject({ strategy: "SET_NULL", chosen: false });
    expect(describeErasure(chosen.erasure)).toBe("Keep: Invoices are kept 10 years (tax law)");
    expect(describeErasure({ strategy: "FIXED_VALUE", value: "deleted user", reason: null })).toBe("Replace with “deleted user”");
  });
});

describe("what a column can take", () => {
  it("refuses emptying a NOT NULL column", () => {
    expect(strategyProblem({ strategy: "SET_NULL", value: null }, column({ nullable: false }))).toMatch(/^email is NOT NULL in the database/);
    expect(strategyProblem({ strategy: "SET_NULL", value: null }, column())).toBeNull();
  });

  it("refuses a fixed value in a unique column, a value of the wrong kind or length", () => {
    expect(strategyProblem({ strategy: "FIXED_VALUE", value: "x" }, column({ unique: true }))).toMatch(/unique index/);
    expect(strategyProblem({ strategy: "FIXED_VALUE", value: "none" }, column({ name: "age", kind: "number" }))).toBe("age holds numbers: enter a number as the fixed value.");
    expect(strategyProblem({ strategy: "FIXED_VALUE", value: "0" }, column({ name: "age", kind: "number" }))).toBeNull();
    expect(strategyProblem({ strategy: "FIXED_VALUE", value: "deleted user" }, column({ maxLength: 5 }))).toMatch(/at most 5 characters/);
  });

  it("refuses changing a column a foreign key points at, and says how to erase it instead", () => {
    const referenced = column({ name: "id", referencedBy: ["tickets.requester_id", "audit_logs.member_id"] });
    for (const strategy of ["SET_NULL", "FIXED_VALUE", "PSEUDONYMIZE"] as const) {
      expect(strategyProblem({ strategy, value: "0" }, referenced), strategy).toContain("tickets.requester_id, audit_logs.member_id point at id (a foreign key)");
    }
    expect(strategyProblem({ strategy: "DELETE_ROW", value: null }, referenced)).toBeNull();
    expect(strategyProblem({ strategy: "KEEP", value: null }, referenced)).toBeNull();
  });

  it("puts a pseudonym only in text that can hold it", () => {
    expect(strategyProblem({ strategy: "PSEUDONYMIZE", value: null }, column({ kind: "number" }))).toMatch(/does not hold text/);
    expect(strategyProblem({ strategy: "PSEUDONYMIZE", value: null }, column({ maxLength: 20 }))).toMatch(/needs 37/);
    expect(strategyProblem({ strategy: "PSEUDONYMIZE", value: null }, column({ maxLength: PSEUDONYM_LENGTH }))).toBeNull();
  });
});

describe("pseudonym", () => {
  it("is keyed, stable across tables, and the same for an email however it was written", () => {
    const a = pseudonym("secret-a-0123456789abcdefghijklmnop", "Alex.Morgan@example.com ", true);
    expect(a).toMatch(/^anon_[0-9a-f]{32}$/);
    expect(a).toHaveLength(PSEUDONYM_LENGTH);
    expect(pseudonym("secret-a-0123456789abcdefghijklmnop", "alex.morgan@example.com", true)).toBe(a);
    expect(pseudonym("secret-b-0123456789abcdefghijklmnop", "alex.morgan@example.com", true)).not.toBe(a);
    expect(pseudonym("secret-a-0123456789abcdefghijklmnop", "priya.shah@acme.example", true)).not.toBe(a);
  });
});
