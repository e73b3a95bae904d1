import { describe, expect, it } from "vitest";
import { ExclusionInputSchema, PlanInputSchema } from "@/lib/fulfillment/package/schema";

const requestId = "6f1c2a4e-8b1d-4c3e-9f2a-1b2c3d4e5f60";

describe("PlanInputSchema", () => {
  it("takes the form as posted with no extra identity", () => {
    expect(PlanInputSchema.parse({ requestId, identityType: "", identityValue: "" })).toEqual({ requestId });
  });

  it("takes an extra identity, and wants its kind", () => {
    expect(PlanInputSchema.parse({ requestId, identityType: "phone_number", identityValue: " +49 30 1234 " })).toEqual({
      requestId,
      identityType: "phone_number",
      identityValue: "+49 30 1234",
    });
    expect(PlanInputSchema.safeParse({ requestId, identityType: "", identityValue: "acct-1" }).success).toBe(false);
  });
});

describe("ExclusionInputSchema", () => {
  it("needs a reason and a record key of the review list", () => {
    const base = { runId: requestId, collectionId: requestId, recordKey: "0.3", reason: "Names a colleague" };
    expect(ExclusionInputSchema.safeParse(base).success).toBe(true);
    expect(ExclusionInputSchema.safeParse({ ...base, reason: "  " }).success).toBe(false);
    expect(ExclusionInputSchema.safeParse({ ...base, recordKey: "0.3; drop" }).success).toBe(false);
  });
});
