import { describe, expect, it } from "vitest";
import { jsonSafe, lookupColumns, valuesFor } from "@/lib/connectors/sql";
import { mapSystem, PRODUCT_COLLECTIONS } from "@/lib/testing/product-db";

describe("jsonSafe", () => {
  it("turns driver values into what JSON keeps as they are", () => {
    const value = jsonSafe({
      at: new Date("2026-01-02T03:04:05Z"),
      big: 12345678901234567890n,
      bytes: Buffer.from([0, 255]),
      list: [new Date(0), null, undefined],
      nan: Number.NaN,
    });
    expect(value).toEqual({ at: "2026-01-02T03:04:05.000Z", big: "12345678901234567890", bytes: "AP8=", list: ["1970-01-01T00:00:00.000Z", null, null], nan: "NaN" });
  });
});

describe("valuesFor", () => {
  it("keeps only values a column of that kind can hold, so no cast fails and MySQL never matches 'abc' to 0", () => {
    expect(valuesFor("integer", ["12", " 7 ", "abc", "1 OR 1=1", "1.5"])).toEqual(["12", " 7 "]);
    expect(valuesFor("uuid", ["0b7e1a40-2c3b-4e0f-9a55-0f6f1b2c3d4e", "nope"])).toEqual(["0b7e1a40-2c3b-4e0f-9a55-0f6f1b2c3d4e"]);
    expect(valuesFor("text", ["a", "a", "x' OR '1'='1"])).toEqual(["a", "x' OR '1'='1"]);
  });
});

describe("lookupColumns", () => {
  it("names identities, references in both directions and workspace fields, each once", () => {
    const system = mapSystem("POSTGRES", null, PRODUCT_COLLECTIONS);
    const columns = new Map([...lookupColumns(system)].map(([c, cols]) => [c.name, cols.map((x) => x.name)]));
    expect(Object.fromEntries(columns)).toEqual({
      users: ["id", "email"],
      tickets: ["requester_id", "workspace"],
      messages: ["user_id"],
    });
  });
});
