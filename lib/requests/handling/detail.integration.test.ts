import { beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { acknowledgeRequest } from "@/lib/requests/handling/acknowledge";
import { appealDecision } from "@/lib/requests/handling/appeal";
import { answerFromRequester, askForInformation } from "@/lib/requests/handling/ask-for-information";
import { assignRequest } from "@/lib/requests/handling/assign";
import { attachDataPackage, completeRequest } from "@/lib/requests/handling/complete";
import { denyRequest } from "@/lib/requests/handling/deny";
import { exportRequestRecord, getRequestDetail } from "@/lib/requests/handling/detail";
import { extendDeadline } from "@/lib/requests/handling/extend";
import { addNote } from "@/lib/requests/handling/notes";
import { getStatusView } from "@/lib/requests/status-view";
import { createStaff, expectRefusal, lastEvent, verifiedRequest } from "@/lib/testing/requests";
import { seed } from "@/prisma/seed";

let officer: StaffUser;
let auditor: StaffUser;

beforeAll(async () => {
  await seed(db);
  officer = await createStaff("OFFICER", { name: "Olive Officer" });
  auditor = await createStaff("AUDITOR");
});

const NAME = "Ada King Lovelace";

describe("addNote", () => {
  it("adds an internal event with the note, allowed on a closed request and never shown to the requester", async () => {
    const { requestId, statusToken } = await verifiedRequest();
    await denyRequest(requestId, { reason: "Duplicate of an earlier request.", basis: "OTHER" }, officer);
    const now = new Date();
    await addNote(requestId, { note: "Checked with support: same person as the earlier request." }, officer, now);
    expect(await lastEvent(requestId)).toMatchObject({
      action: "note.added",
      actorType: "STAFF",
      actorId: officer.id,
      visibility: "INTERNAL",
      data: { note: "Checked with support: same person as the earlier request." },
      at: now,
    });
    expect((await getStatusView(statusToken))?.events.map((e) => e.action)).not.toContain("note.added");
    await expectRefusal(addNote(requestId, { note: "" }, officer), "INVALID_INPUT");
    await expectRefusal(addNote("00000000-0000-4000-8000-000000000000", { note: "x" }, officer), "NOT_FOUND");
  });
});

describe("getRequestDetail", () => {
  async function handledRequest() {
    const request = await verifiedRequest({ name: NAME, details: { topics: "My chat transcripts" } });
    await assignRequest(request.requestId, officer.id, officer);
    await acknowledgeRequest(request.requestId, officer);
    await askForInformation(request.requestId, { message: "Which workspace?" }, officer);
    await answerFromRequester(request.statusToken, { message: "Acme Support" });
    await addNote(request.requestId, { note: "Asked Acme for the transcripts." }, officer);
    await attachDataPackage(request.requestId, { filename: "ada-lovelace.zip", contentType: "application/zip", bytes: new Uint8Array([1, 2, 3]) }, officer);
    return request;
  }

  it("shows an officer everything: fields, the whole timeline, messages, packages, assignee and next actions", async () => {
    const { requestId, email } = await handledRequest();
    const detail = await getRequestDetail(requestId, officer);
    expect(detail).not.toBeNull();
    expect(detail!.personalVisible).toBe(true);
    expect(detail!.request).toMatchObject({
      id: requestId,
      type: "ACCESS",
      typeLabel: "Access my data",
      status: "IN_PROGRESS",
      statusLabel: "In progress",
      jurisdiction: "GDPR",
      requesterName: NAME,
      requesterEmail: email,
      details: { topics: "My chat transcripts" },
    });
    expect(detail!.request.effectiveDueAt).toEqual(detail!.request.dueAt);
    expect(detail!.assignee).toMatchObject({ id: officer.id, name: "Olive Officer", role: "OFFICER" });
    expect(detail!.timeline.map((e) => [e.action, e.visibility])).toEqual([
      ["request.submitted", "PUBLIC"],
      ["request.verified", "PUBLIC"],
      ["request.assigned", "INTERNAL"],
      ["request.acknowledged", "PUBLIC"],
      ["request.information_requested", "PUBLIC"],
      ["request.information_provided", "PUBLIC"],
      ["note.added", "INTERNAL"],
      ["package.attached", "INTERNAL"],
    ]);
    expect(detail!.timeline[3]!.actorStaff).toMatchObject({ id: officer.id, name: "Olive Officer" });
    expect(detail!.timeline[0]!.actorStaff).toBeNull();
    expect(detail!.timelineTruncated).toBe(false);
    expect(detail!.messages.map((m) => [m.author, m.body, m.staff?.id ?? null])).toEqual([
      ["STAFF", "Which workspace?", officer.id],
      ["REQUESTER", "Acme Support", null],
    ]);
    expect(detail!.packages).toEqual([
      expect.objectContaining({ filename: "ada-lovelace.zip", contentType: "application/zip", size: 3, uploadedBy: expect.objectContaining({ id: officer.id }) }),
    ]);
    expect(detail!.packages[0]).not.toHaveProperty("ciphertext");
    expect(detail!.allowedActions).toEqual(["askForInformation", "extend", "attachPackage", "complete", "deny", "assign", "addNote", "markSpam"]);
  });

  it("masks personal fields for an auditor and offers no actions", async () => {
    const { requestId, email } = await handledRequest();
    const detail = await getRequestDetail(requestId, auditor);
    expect(detail!.personalVisible).toBe(false);
    expect(detail!.request.requesterName).toBe("A. K. L.");
    expect(detail!.request.requesterEmail).not.toBe(email);
    expect(detail!.request.requesterEmail).toMatch(/^a•••\d@example\.test$/);
    expect(detail!.request.details).toBeNull();
    expect(detail!.messages.map((m) => m.body)).toEqual([null, null]);
    expect(detail!.packages[0]!.filename).toBe("•••.zip");
    expect(detail!.allowedActions).toEqual([]);
    // The audit trail itself is theirs to read, internal events included.
    expect(detail!.timeline.map((e) => e.action)).toContain("note.added");
    const everything = JSON.stringify(detail);
    expect(everything).not.toContain("Lovelace");
    expect(everything).not.toContain(email);
    expect(everything).not.toContain("My chat transcripts");
    expect(everything).not.toContain("Acme Support");
  });

  it("links an appeal and the request it appeals, both ways", async () => {
    const original = await verifiedRequest({ country: "US", region: "VA" });
    await denyRequest(original.requestId, { reason: "We hold no data about this address.", basis: "OTHER" }, officer);
    const appeal = await appealDecision(original.statusToken, { reason: "I do have an account." });

    const denied = await getRequestDetail(original.requestId, officer);
    expect(denied!.appeals).toEqual([expect.objectContaining({ id: appeal.requestId, reference: appeal.reference, status: "RECEIVED" })]);
    expect(denied!.allowedActions).toEqual(["addNote"]);
    const appealDetail = await getRequestDetail(appeal.requestId, officer);
    expect(appealDetail!.appealOf).toMatchObject({ id: original.requestId, status: "DENIED" });
    expect(appealDetail!.request.regime).toMatchObject({ secondary: true });
    expect(appealDetail!.allowedActions).not.toContain("extend");
  });

  it("keeps the newest 500 events, oldest first, and says it cut the rest", async () => {
    const { requestId } = await verifiedRequest();
    const base = Date.now();
    await db.requestEvent.createMany({
      data: Array.from({ length: 505 }, (_, i) => ({
        requestId,
        actorType: "STAFF" as const,
        actorId: officer.id,
        action: "note.added",
        visibility: "INTERNAL" as const,
        data: { note: `note ${i}` },
        at: new Date(base + (i + 1) * 1000),
      })),
    });
    const detail = await getRequestDetail(requestId, officer);
    expect(detail!.timeline).toHaveLength(500);
    expect(detail!.timelineTruncated).toBe(true);
    expect(detail!.timeline[0]!.data).toEqual({ note: "note 5" });
    expect(detail!.timeline.at(-1)!.data).toEqual({ note: "note 504" });
  });

  it("is null for an unknown request", async () => {
    expect(await getRequestDetail("00000000-0000-4000-8000-000000000000", officer)).toBeNull();
    expect(await getRequestDetail("nope", officer)).toBeNull();
  });
});

describe("exportRequestRecord", () => {
  it("gives the §7101 record of a denied request: dates, nature, manner, basis of denial and every event", async () => {
    const received = new Date("2026-03-02T09:30:00Z");
    const { requestId, email } = await verifiedRequest({ country: "US", region: "CA", type: "DELETION", details: { scope: "ALL" }, name: NAME }, received);
    await acknowledgeRequest(requestId, officer, new Date("2026-03-03T10:00:00Z"));
    await extendDeadline(requestId, { reason: "Three systems to search." }, officer, new Date("2026-03-10T10:00:00Z"));
    const basis = 'Cal. Civ. Code §1798.105(d)(1), "transaction": the order is still open.';
    await denyRequest(requestId, { reason: basis, basis: "EXEMPTION" }, officer, new Date("2026-04-01T12:00:00Z"));

    const { json, csv, record } = await exportRequestRecord(requestId, new Date("2026-04-02T00:00:00Z"));
    const parsed = JSON.parse(json);
    expect(parsed).toEqual(JSON.parse(JSON.stringify(record)));
    expect(parsed.generatedAt).toBe("2026-04-02T00:00:00.000Z");
    expect(parsed.request).toMatchObject({
      id: requestId,
      nature: "Delete my data",
      type: "DELETION",
      jurisdiction: "CCPA",
      regime: "CCPA/CPRA (California)",
      manner: "Online form on the privacy portal, confirmed by email",
      receivedAt: "2026-03-02T09:30:00.000Z",
      dueDate: "2026-04-16",
      extendedDueDate: "2026-05-31",
      status: "DENIED",
      appealOf: null,
      appeals: [],
    });
    expect(parsed.response).toEqual({ date: "2026-04-01T12:00:00.000Z", nature: "Denied", outcome: null, denialBasis: basis });
    expect(parsed.events.map((e: { action: string }) => e.action)).toEqual([
      "request.submitted",
      "request.verified",
      "request.acknowledged",
      "request.assigned",
      "request.deadline_extended",
      "request.denied",
    ]);
    expect(parsed.events[2]).toEqual({
      at: "2026-03-03T10:00:00.000Z",
      actorType: "STAFF",
      actorId: officer.id,
      action: "request.acknowledged",
      fromStatus: "RECEIVED",
      toStatus: "IN_PROGRESS",
      visibility: "PUBLIC",
      data: null,
    });
    // A record of the request, not of the person.
    expect(json).not.toContain("Lovelace");
    expect(json).not.toContain(email);

    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "reference,nature,manner,jurisdiction,received_at,verified_at,due_date,extended_due_date,response_date,response_nature,denial_basis,outcome,event_at,event_actor_type,event_actor_id,event_action,event_from_status,event_to_status,event_visibility,event_data",
    );
    expect(lines).toHaveLength(1 + 6);
    const quotedBasis = `"${basis.replace(/"/g, '""')}"`;
    expect(lines[6]).toContain(`${parsed.request.reference},Delete my data,"Online form on the privacy portal, confirmed by email",CCPA,2026-03-02T09:30:00.000Z`);
    expect(lines[6]).toContain(`2026-04-01T12:00:00.000Z,Denied,${quotedBasis},,2026-04-01T12:00:00.000Z,STAFF,${officer.id},request.denied,IN_PROGRESS,DENIED,PUBLIC,`);
    expect(lines[2]).toContain(",REQUESTER,,request.verified,PENDING_VERIFICATION,RECEIVED,PUBLIC,");
    expect(csv).not.toContain("Lovelace");
  });

  it("gives the outcome of a completed request, links its appeal and neutralises spreadsheet formulas", async () => {
    const original = await verifiedRequest({ country: "US", region: "VA", type: "DELETION", details: { scope: "ALL" } });
    await denyRequest(original.requestId, { reason: "=HYPERLINK(\"http://evil\")", basis: "OTHER" }, officer);
    const appeal = await appealDecision(original.statusToken, { reason: "Please look again." });
    await completeRequest(appeal.requestId, { outcome: "We reversed the decision and erased the account." }, officer);

    const appealRecord = await exportRequestRecord(appeal.requestId);
    expect(appealRecord.record.request).toMatchObject({
      type: "APPEAL",
      manner: "Appeal filed from the private status page of the refused request",
      appealOf: expect.stringMatching(/^DSR-/),
    });
    expect(appealRecord.record.response).toMatchObject({ nature: "Complied with", outcome: "We reversed the decision and erased the account.", denialBasis: null });

    const originalRecord = await exportRequestRecord(original.requestId);
    expect(originalRecord.record.request.appeals).toEqual([appeal.reference]);
    expect(originalRecord.record.response.denialBasis).toBe('=HYPERLINK("http://evil")');
    expect(originalRecord.csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(originalRecord.csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it("refuses an unknown request", async () => {
    await expectRefusal(exportRequestRecord("00000000-0000-4000-8000-000000000000"), "NOT_FOUND");
  });
});
