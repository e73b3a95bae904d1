import { beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { completeRequest } from "@/lib/requests/handling/complete";
import { denyRequest } from "@/lib/requests/handling/deny";
import { getStatusView } from "@/lib/requests/status-view";
import { submitRequest } from "@/lib/requests/submit";
import { requestInput } from "@/lib/testing/fixtures";
import { createStaff, expectRefusal, lastEvent, latestEmail, templatesOf, tokenOf, verifiedRequest } from "@/lib/testing/requests";
import { seed } from "@/prisma/seed";

let officer: StaffUser;

beforeAll(async () => {
  await seed(db);
  officer = await createStaff("OFFICER");
});

const BASIS = "Cal. Civ. Code §1798.105(d)(8): we must keep the invoices for tax law.";

describe("denyRequest", () => {
  it("closes the request, keeps the basis of denial in the audit event and emails it with the regulator", async () => {
    const { requestId, email, statusToken } = await verifiedRequest({ country: "GB", type: "DELETION", details: { scope: "ALL" } });
    const now = new Date();
    await denyRequest(requestId, { reason: BASIS, basis: "EXEMPTION" }, officer, now);

    const request = await db.request.findUniqueOrThrow({ where: { id: requestId } });
    expect(request).toMatchObject({ status: "DENIED", closedAt: now, denialBasis: "EXEMPTION" });
    expect(await lastEvent(requestId)).toMatchObject({
      action: "request.denied",
      actorType: "STAFF",
      actorId: officer.id,
      fromStatus: "RECEIVED",
      toStatus: "DENIED",
      visibility: "PUBLIC",
      data: { reason: BASIS, basis: "EXEMPTION", appealAvailable: false },
    });
    expect((await templatesOf(requestId)).at(-1)).toBe("request-denied");
    const sent = await latestEmail(requestId, "request-denied");
    expect(sent.to).toBe(email);
    expect(sent.props).toMatchObject({
      reason: BASIS,
      regulator: "the Information Commissioner's Office (ico.org.uk)",
      appealAvailable: false,
      isAppeal: false,
      requestTypeLabel: "Delete my data",
    });
    expect(await getStatusView(tokenOf(String(sent.props.statusUrl)))).toMatchObject({ status: "DENIED" });
    expect((await getStatusView(statusToken))?.status).toBe("DENIED");
  });

  it("offers an appeal under a US state law and names the state's Attorney General, with its website", async () => {
    const { requestId } = await verifiedRequest({ country: "US", region: "VA" });
    await denyRequest(requestId, { reason: BASIS, basis: "OTHER" }, officer);
    expect((await lastEvent(requestId)).data).toEqual({ reason: BASIS, basis: "OTHER", appealAvailable: true });
    expect((await latestEmail(requestId, "request-denied")).props).toMatchObject({
      regulator: "the Virginia Attorney General (www.oag.state.va.us)",
      appealAvailable: true,
    });
  });

  it("names the California agency under the CCPA, with no appeal", async () => {
    const { requestId } = await verifiedRequest({ country: "US", region: "CA" });
    await denyRequest(requestId, { reason: BASIS, basis: "OTHER" }, officer);
    expect((await latestEmail(requestId, "request-denied")).props).toMatchObject({
      regulator: "the California Privacy Protection Agency (cppa.ca.gov)",
      appealAvailable: false,
    });
  });

  it("refuses to deny a completed request, or to deny twice", async () => {
    const { requestId } = await verifiedRequest({ type: "DELETION", details: { scope: "ALL" } });
    await completeRequest(requestId, { outcome: "Erased everywhere." }, officer);
    await expectRefusal(denyRequest(requestId, { reason: BASIS, basis: "OTHER" }, officer), "INVALID_TRANSITION");
    expect((await db.request.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("COMPLETED");

    const other = await verifiedRequest();
    await denyRequest(other.requestId, { reason: BASIS, basis: "OTHER" }, officer);
    await expectRefusal(denyRequest(other.requestId, { reason: BASIS, basis: "OTHER" }, officer), "INVALID_TRANSITION");
  });

  it("refuses a request still waiting for email confirmation", async () => {
    const submitted = await submitRequest(requestInput(), { ip: null });
    if (!submitted.ok) throw new Error("submission failed");
    await expectRefusal(denyRequest(submitted.data.requestId, { reason: BASIS, basis: "OTHER" }, officer), "INVALID_TRANSITION");
    expect((await db.request.findUniqueOrThrow({ where: { id: submitted.data.requestId } })).status).toBe("PENDING_VERIFICATION");
  });

  it("refuses a denial without its basis, and changes nothing", async () => {
    const { requestId } = await verifiedRequest();
    await expectRefusal(denyRequest(requestId, { reason: BASIS } as never, officer), "INVALID_INPUT", /basis for the denial/);
    await expectRefusal(denyRequest(requestId, { reason: BASIS, basis: "BECAUSE" } as never, officer), "INVALID_INPUT");
    expect((await db.request.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("RECEIVED");
  });
});
