import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleApi } from "@/lib/api/handle";
import { createApiKey } from "@/lib/api/keys";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { readOrganizationDetails } from "@/lib/organization/settings";
import { offeredTypesHistory, readOfferedTypes, updateOfferedTypes } from "@/lib/requests/offered-types-settings";
import { REQUEST_TYPES } from "@/lib/requests/schema";
import { submitRequest } from "@/lib/requests/submit";
import { requestInput } from "@/lib/testing/fixtures";
import { createStaff } from "@/lib/testing/requests";
import { seed } from "@/prisma/seed";

// Settings → Request types: the operator offers what its policy names, and the server refuses the
// rest from every door (the form's action, a hand-made post, the API), storing nothing.

let admin: StaffUser;
let privacyEmail: string;

beforeAll(async () => {
  await seed(db);
  admin = await createStaff("ADMIN");
  privacyEmail = (await readOrganizationDetails(db)).privacyEmail;
});

afterAll(async () => {
  await updateOfferedTypes(db, { types: [...REQUEST_TYPES] }, admin);
});

const count = (email: string) => db.request.count({ where: { requesterEmail: email } });

describe("offered request types", () => {
  it("saves the list, keeps the old and new one with who changed it, and records nothing when nothing changed", async () => {
    expect(await readOfferedTypes(db)).toEqual([...REQUEST_TYPES]);
    const saved = await updateOfferedTypes(db, { types: ["DELETION", "ACCESS"] }, admin);
    expect(saved).toEqual({ from: [...REQUEST_TYPES], to: ["ACCESS", "DELETION"], changed: true });
    expect(await readOfferedTypes(db)).toEqual(["ACCESS", "DELETION"]);
    // An appeal follows a refused request wherever the law gives one: never switched off here.
    expect((await db.organizationSettings.findUniqueOrThrow({ where: { id: 1 } })).offeredRequestTypes).toEqual(["ACCESS", "DELETION", "APPEAL"]);

    const [latest] = await offeredTypesHistory(db);
    expect(latest).toMatchObject({ by: admin.email, to: ["Access my data", "Delete my data"] });
    expect(latest!.from).toContain("Object to processing");
    const events = await db.settingsEvent.count({ where: { area: "request-types" } });
    expect((await updateOfferedTypes(db, { types: ["ACCESS", "DELETION"] }, admin)).changed).toBe(false);
    expect(await db.settingsEvent.count({ where: { area: "request-types" } })).toBe(events);
  });

  it("refuses an empty list with a clear message, and an officer, changing nothing", async () => {
    await updateOfferedTypes(db, { types: ["ACCESS", "OBJECTION"] }, admin);
    const events = await db.settingsEvent.count({ where: { area: "request-types" } });
    await expect(updateOfferedTypes(db, { types: [] }, admin)).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["types"], message: "Keep at least one request type offered: with none, nobody could make a request here" })],
    });
    await expect(updateOfferedTypes(db, { types: ["APPEAL"] as never }, admin)).rejects.toMatchObject({ issues: [expect.objectContaining({ message: "Choose from the request types listed" })] });
    const officer = await createStaff("OFFICER");
    await expect(updateOfferedTypes(db, { types: ["ACCESS"] }, officer)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await readOfferedTypes(db)).toEqual(["ACCESS", "OBJECTION"]);
    expect(await db.settingsEvent.count({ where: { area: "request-types" } })).toBe(events);
  });

  it("refuses a type not offered at submission with a specific message, and stores nothing", async () => {
    await updateOfferedTypes(db, { types: ["ACCESS", "DELETION"] }, admin);
    const input = requestInput({ type: "OBJECTION", details: { processing: "DIRECT_MARKETING" } });
    const refused = await submitRequest(input, { ip: "203.0.113.7" });
    expect(refused).toEqual({
      ok: false,
      code: "TYPE_NOT_OFFERED",
      fieldErrors: { type: `This portal does not take objection requests; see the privacy policy for how to reach us, or write to ${privacyEmail}.` },
    });
    expect(await count(input.email)).toBe(0);
    // Nothing counted against the address either: the rate limits were not reached.
    expect(await db.rateLimitBucket.count()).toBe(0);

    const accepted = await submitRequest(requestInput({ type: "DELETION", details: { scope: "ALL" } }), { ip: "203.0.113.7" });
    expect(accepted.ok).toBe(true);
  });

  it("answers the API's createRequest with a 422 naming the type, and files nothing", async () => {
    await updateOfferedTypes(db, { types: ["ACCESS", "DELETION"] }, admin);
    const { key } = await createApiKey(db, { name: "Helpdesk", scopes: ["requests:write"] }, admin);
    const input = requestInput({ type: "CORRECTION", details: { whatIsWrong: "My surname is misspelt", correctValue: "Lovelace" } });
    const request = new Request("http://localhost:3000/api/v1/requests", { method: "POST", headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" }, body: JSON.stringify(input) });
    const response = await handleApi(request, "/requests");
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const problem = (await response.json()) as { code: string; errors: Record<string, string> };
    expect(problem.code).toBe("INVALID_INPUT");
    expect(problem.errors.type).toMatch(/^This portal does not take correction requests; see the privacy policy/);
    expect(await count(input.email)).toBe(0);
  });
});
