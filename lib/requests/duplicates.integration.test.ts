import { beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { keepBothRequests, mergeDuplicate } from "@/lib/requests/duplicates";
import { completeRequest } from "@/lib/requests/handling/complete";
import { denyRequest } from "@/lib/requests/handling/deny";
import { queryQueue } from "@/lib/requests/queue";
import { getStatusView } from "@/lib/requests/status-view";
import { timelineEntry } from "@/lib/requests/timeline";
import { blockedSenderHash, markAsSpam } from "@/lib/requests/spam";
import { submitRequest } from "@/lib/requests/submit";
import { requestMetrics } from "@/lib/reports/request-metrics";
import { requestInput } from "@/lib/testing/fixtures";
import { createStaff, eventsOf, expectRefusal, verifiedRequest } from "@/lib/testing/requests";
import { seed } from "@/prisma/seed";

let officer: StaffUser;

beforeAll(async () => {
  await seed(db);
  officer = await createStaff("OFFICER");
});

const DAY = 86_400_000;
let counter = 0;
const address = () => `same.person.${Date.now().toString(36)}.${++counter}@example.test`;
const flagOf = async (id: string) => (await db.request.findUniqueOrThrow({ where: { id }, select: { duplicateOfId: true } })).duplicateOfId;

describe("flagging a possible duplicate", () => {
  it("flags a confirmed request of the same address and type as an unfinished one, and audits it", async () => {
    const email = address();
    const first = await verifiedRequest({ email, type: "DELETION", details: { scope: "ALL" } });
    const second = await verifiedRequest({ email, type: "DELETION", details: { scope: "ALL" } });
    expect(await flagOf(first.requestId)).toBeNull();
    expect(await flagOf(second.requestId)).toBe(first.requestId);
    const reference = (await db.request.findUniqueOrThrow({ where: { id: first.requestId } })).reference;
    expect((await eventsOf(second.requestId)).find((e) => e.action === "request.duplicate_flagged")).toMatchObject({
      visibility: "INTERNAL",
      data: { of: reference },
    });
  });

  it("does not flag another type, another address, a finished request, or one older than the window", async () => {
    const email = address();
    const access = await verifiedRequest({ email });
    expect(await flagOf((await verifiedRequest({ email, type: "DELETION", details: { scope: "ALL" } })).requestId)).toBeNull();
    expect(await flagOf((await verifiedRequest({ email: address() })).requestId)).toBeNull();

    await completeRequest(access.requestId, { outcome: "We hold no data about you." }, officer);
    expect(await flagOf((await verifiedRequest({ email })).requestId)).toBeNull();

    const old = address();
    const window = getEnv().DUPLICATE_WINDOW_DAYS;
    await verifiedRequest({ email: old }, new Date(Date.now() - (window + 1) * DAY));
    expect(await flagOf((await verifiedRequest({ email: old })).requestId)).toBeNull();
  });

  it("flags an opt-out when it arrives, since it needs no confirmation", async () => {
    const email = address();
    const input = { email, type: "OPT_OUT_SALE", country: "US", region: "CA" };
    const first = await submitRequest(requestInput(input), { ip: null });
    const second = await submitRequest(requestInput(input), { ip: null });
    if (!first.ok || !second.ok) throw new Error("expected both accepted");
    expect(await flagOf(second.data.requestId)).toBe(first.data.requestId);
  });
});

describe("merging or keeping both", () => {
  it("merges: the duplicate closes as MERGED, both timelines and status pages say so, and the §7102 figures count one", async () => {
    const email = address();
    const year = 2033;
    const at = new Date(`${year}-02-01T10:00:00Z`);
    const first = await verifiedRequest({ email, type: "CORRECTION", country: "US", region: "CA", details: { whatIsWrong: "Name", correctValue: "Ada" } }, at);
    const second = await verifiedRequest({ email, type: "CORRECTION", country: "US", region: "CA", details: { whatIsWrong: "Name", correctValue: "Ada" } }, at);
    const [one, two] = await Promise.all([first, second].map((r) => db.request.findUniqueOrThrow({ where: { id: r.requestId } })));

    expect(await mergeDuplicate(second.requestId, officer, at)).toEqual({ into: one!.reference });
    expect(await db.request.findUniqueOrThrow({ where: { id: second.requestId } })).toMatchObject({ status: "MERGED", closedAt: at, duplicateOfId: first.requestId });
    expect((await db.request.findUniqueOrThrow({ where: { id: first.requestId } })).status).toBe("RECEIVED");

    const merged = await getStatusView(second.statusToken);
    const mergedEvent = merged!.events.find((e) => e.action === "request.merged")!;
    expect(timelineEntry(mergedEvent.action, mergedEvent.data, "UTC").detail).toContain(one!.reference);
    const survivor = await getStatusView(first.statusToken);
    const joined = survivor!.events.find((e) => e.action === "request.merged_in")!;
    expect(timelineEntry(joined.action, joined.data, "UTC").detail).toContain(two!.reference);

    const figures = await requestMetrics(db, { year, scope: "ccpa", timeZone: "UTC" });
    expect(figures.find((r) => r.category === "correct")).toMatchObject({ received: 1, open: 1 });
  });

  it("refuses to merge a request that is not flagged, or into a request already closed", async () => {
    const lone = await verifiedRequest({ email: address() });
    await expectRefusal(mergeDuplicate(lone.requestId, officer), "NOT_A_DUPLICATE");

    const email = address();
    const first = await verifiedRequest({ email });
    const second = await verifiedRequest({ email });
    await completeRequest(first.requestId, { outcome: "We hold no data about you." }, officer);
    await expectRefusal(mergeDuplicate(second.requestId, officer), "DUPLICATE_TARGET_CLOSED");
    expect((await db.request.findUniqueOrThrow({ where: { id: second.requestId } })).status).toBe("RECEIVED");
  });

  it("keeps both: the flag is cleared and the decision audited, and a merge is then refused", async () => {
    const email = address();
    await verifiedRequest({ email });
    const second = await verifiedRequest({ email });
    const flagged = async () => (await queryQueue({ sort: "due", duplicate: "flagged", q: email }, officer)).rows.map((r) => r.id);
    expect(await flagged()).toEqual([second.requestId]);
    await keepBothRequests(second.requestId, officer);
    expect(await flagOf(second.requestId)).toBeNull();
    expect((await eventsOf(second.requestId)).at(-1)).toMatchObject({ action: "request.duplicate_kept", actorId: officer.id, visibility: "INTERNAL" });
    await expectRefusal(mergeDuplicate(second.requestId, officer), "NOT_A_DUPLICATE");
    expect(await flagged()).toEqual([]);
  });
});

describe("marking as spam", () => {
  it("closes without an email, erases what was typed, refuses the address for a while, and audits it", async () => {
    const email = address();
    const submitted = await submitRequest(requestInput({ email, name: "Spam Bot" }), { ip: null });
    if (!submitted.ok) throw new Error("expected accepted");
    const { requestId } = submitted.data;
    const now = new Date();
    const outboxBefore = await db.emailOutbox.count({ where: { requestId } });

    const { blockedUntil } = await markAsSpam(requestId, officer, now);
    expect(blockedUntil).toEqual(new Date(now.getTime() + getEnv().SPAM_BLOCK_DAYS * DAY));
    expect(await db.request.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({
      status: "CLOSED_SPAM",
      closedAt: now,
      erasedAt: now,
      requesterName: null,
      requesterEmail: null,
      details: {},
    });
    // No email about it; the unsent confirmation email is wiped.
    expect(await db.emailOutbox.count({ where: { requestId } })).toBe(outboxBefore);
    expect(await db.emailOutbox.count({ where: { requestId, payload: { not: null } } })).toBe(0);
    const block = await db.blockedSender.findUniqueOrThrow({ where: { emailHash: blockedSenderHash(getEnv().APP_SECRET, email) } });
    expect(block).toMatchObject({ requestId, staffId: officer.id, blockedUntil });
    expect(JSON.stringify(block)).not.toContain(email.split("@")[0]);
    expect((await eventsOf(requestId)).at(-1)).toMatchObject({
      action: "request.marked_spam",
      actorId: officer.id,
      fromStatus: "PENDING_VERIFICATION",
      toStatus: "CLOSED_SPAM",
      data: { blockedUntil: blockedUntil.toISOString() },
    });

    // The address is refused, with a message that says what to do, and nothing is stored.
    const count = await db.request.count();
    const refused = await submitRequest(requestInput({ email }), { ip: null, now: new Date(now.getTime() + DAY) });
    expect(refused).toMatchObject({ ok: false, code: "SENDER_BLOCKED", formError: expect.stringContaining("write to us at") });
    expect(await db.request.count()).toBe(count);
    // Other addresses are not; and once the time is up, neither is this one.
    expect((await submitRequest(requestInput({ email: address() }), { ip: null })).ok).toBe(true);
    expect((await submitRequest(requestInput({ email }), { ip: null, now: new Date(blockedUntil.getTime() + 1000) })).ok).toBe(true);
  });

  it("is refused while a data run of the request is going, and then allowed once it ended", async () => {
    const { requestId } = await verifiedRequest({ email: address() });
    const run = await db.fulfillmentRun.create({
      data: { requestId, kind: "ACCESS", status: "RUNNING", identities: new Uint8Array([0]), workspaces: [], plan: {} },
    });
    await expectRefusal(markAsSpam(requestId, officer), "RUN_ACTIVE");
    expect((await db.request.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("RECEIVED");
    await db.fulfillmentRun.update({ where: { id: run.id }, data: { status: "CANCELLED" } });
    expect((await markAsSpam(requestId, officer)).blockedUntil).toBeInstanceOf(Date);
  });

  it("is refused for a closed request", async () => {
    const { requestId } = await verifiedRequest({ email: address() });
    await completeRequest(requestId, { outcome: "We hold no data about you." }, officer);
    await expectRefusal(markAsSpam(requestId, officer), "INVALID_TRANSITION");
  });
});

describe("denying as manifestly unfounded or excessive (GDPR Art. 12(5))", () => {
  it("keeps the address's other requests with the decision as evidence; other bases keep none", async () => {
    const email = address();
    const earlier = await verifiedRequest({ email, type: "DELETION", details: { scope: "ALL" } }, new Date(Date.now() - 3 * DAY));
    await completeRequest(earlier.requestId, { outcome: "Deleted." }, officer);
    const current = await verifiedRequest({ email, type: "DELETION", details: { scope: "ALL" } });
    await denyRequest(current.requestId, { reason: "The fourth identical request this month.", basis: "UNFOUNDED_OR_EXCESSIVE" }, officer);
    const reference = (await db.request.findUniqueOrThrow({ where: { id: earlier.requestId } })).reference;
    const denied = (await eventsOf(current.requestId)).find((e) => e.action === "request.denied")!;
    expect(denied.data).toMatchObject({
      basis: "UNFOUNDED_OR_EXCESSIVE",
      evidence: { total: 1, requests: [{ reference, type: "DELETION", status: "COMPLETED", receivedAt: expect.any(String) }] },
    });

    const other = await verifiedRequest({ email });
    await denyRequest(other.requestId, { reason: "An exemption applies.", basis: "EXEMPTION" }, officer);
    expect((await eventsOf(other.requestId)).find((e) => e.action === "request.denied")!.data).not.toHaveProperty("evidence");
  });
});
