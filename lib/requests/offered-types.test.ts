import { describe, expect, it } from "vitest";
import { offeredFormTypes, OfferedTypesSchema, storedOfferedTypes } from "@/lib/requests/offered-types";

describe("offered request types", () => {
  it("stores the chosen types in the form's order, with the appeal always kept", () => {
    expect(storedOfferedTypes(["DELETION", "ACCESS"])).toEqual(["ACCESS", "DELETION", "APPEAL"]);
    expect(offeredFormTypes(["APPEAL", "WITHDRAW_CONSENT", "ACCESS"])).toEqual(["ACCESS", "WITHDRAW_CONSENT"]);
  });

  it("takes a list of form types once each, and refuses none, an appeal or an unknown type", () => {
    expect(OfferedTypesSchema.parse({ types: ["OBJECTION", "ACCESS", "OBJECTION"] })).toEqual({ types: ["ACCESS", "OBJECTION"] });
    expect(OfferedTypesSchema.safeParse({ types: [] }).error?.issues[0]?.message).toBe("Keep at least one request type offered: with none, nobody could make a request here");
    expect(OfferedTypesSchema.safeParse({ types: ["APPEAL"] }).error?.issues[0]?.message).toBe("Choose from the request types listed");
    expect(OfferedTypesSchema.safeParse({}).error?.issues[0]?.message).toBe("Choose the request types the form offers");
  });
});
