import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { ORGANIZATION_LABELS, type OrganizationInput } from "@/lib/organization/schema";
import { readOrganizationDetails } from "@/lib/organization/settings";
import { organizationHistory, updateOrganization } from "@/lib/organization/update";
import { fillPlaceholders } from "@/lib/policy/render";
import { submitRequest } from "@/lib/requests/submit";
import { requestInput } from "@/lib/testing/fixtures";
import { createStaff, latestEmail } from "@/lib/testing/requests";
import { seed } from "@/prisma/seed";

let admin: StaffUser;
let original: OrganizationInput;

beforeAll(async () => {
  await seed(db);
  admin = await createStaff("ADMIN");
  const org = await readOrganizationDetails(db);
  original = { ...org };
});

afterAll(async () => {
  await updateOrganization(db, original, admin);
});

describe("updateOrganization", () => {
  it("saves the details, which the next email and the policy use at once, and keeps each change with its old value", async () => {
    const { changes } = await updateOrganization(db, { ...original, productName: "Helper", companyNumber: "HRB 12345", dpoName: "" }, admin);
    expect(changes.map((c) => c.field).sort()).toEqual(["companyNumber", "dpoName", "productName"]);
    expect(changes.find((c) => c.field === "productName")).toEqual({ field: "productName", from: original.productName, to: "Helper" });
    expect(await readOrganizationDetails(db)).toMatchObject({ productName: "Helper", companyNumber: "HRB 12345", dpoName: null });

    const submitted = await submitRequest(requestInput(), { ip: null });
    if (!submitted.ok) throw new Error("not submitted");
    expect((await latestEmail(submitted.data.requestId, "verify-email")).props).toMatchObject({ org: { productName: "Helper" } });
    const policy = fillPlaceholders("{{productName}} by {{legalName}}, company number {{companyNumber}}; DPO {{dpoName}}.", await readOrganizationDetails(db));
    expect(policy).toBe(`Helper by ${original.legalName}, company number HRB 12345; DPO not appointed.`);

    const [latest] = await organizationHistory(db);
    expect(latest).toMatchObject({ by: admin.email });
    expect(latest!.changes.map((c) => ORGANIZATION_LABELS[c.field]).sort()).toEqual(["Company number", "Data protection officer", "Product name"]);
  });

  it("records nothing when nothing changed", async () => {
    const current = await readOrganizationDetails(db);
    const before = await db.settingsEvent.count({ where: { area: "organisation" } });
    expect((await updateOrganization(db, current, admin)).changes).toEqual([]);
    expect(await db.settingsEvent.count({ where: { area: "organisation" } })).toBe(before);
  });

  it("refuses bad details with a message per field, and changes nothing", async () => {
    const before = await readOrganizationDetails(db);
    const attempt = updateOrganization(db, { ...original, legalName: " ", websiteUrl: "http://jexi.example", privacyEmail: "privacy", timeZone: "Mars/Olympus", dpoName: "A\u0007B" }, admin);
    await expect(attempt).rejects.toMatchObject({
      issues: expect.arrayContaining([
        expect.objectContaining({ path: ["legalName"], message: "Enter the company's legal name" }),
        expect.objectContaining({ path: ["websiteUrl"], message: "Enter the website's address, starting with https://" }),
        expect.objectContaining({ path: ["privacyEmail"], message: "Enter an email address in the format privacy@example.com" }),
        expect.objectContaining({ path: ["timeZone"], message: "Enter a time zone such as Europe/Berlin or America/New_York" }),
        expect.objectContaining({ path: ["dpoName"], message: "Remove the invisible control character from this field." }),
      ]),
    });
    expect(await readOrganizationDetails(db)).toEqual(before);
  });

  it("takes a time zone in any case as its canonical name, and refuses a change the environment would undo", async () => {
    await updateOrganization(db, { ...original, timeZone: "america/new_york" }, admin);
    expect((await readOrganizationDetails(db)).timeZone).toBe("America/New_York");
    const env = getEnv() as { OPERATOR_TIME_ZONE?: string };
    const saved = env.OPERATOR_TIME_ZONE;
    env.OPERATOR_TIME_ZONE = "America/New_York";
    try {
      await expect(updateOrganization(db, { ...original, timeZone: "Europe/Berlin" }, admin)).rejects.toMatchObject({ code: "TIME_ZONE_FROM_ENVIRONMENT" });
      expect((await readOrganizationDetails(db)).timeZone).toBe("America/New_York");
    } finally {
      env.OPERATOR_TIME_ZONE = saved;
    }
  });
});
