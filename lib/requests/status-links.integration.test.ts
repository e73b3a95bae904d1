import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff";
import { advanceClock, now, resetClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { expireUnverifiedRequests } from "@/lib/requests/expire-unverified";
import { appealDecision } from "@/lib/requests/handling/appeal";
import { answerFromRequester } from "@/lib/requests/handling/ask-for-information";
import { denyRequest } from "@/lib/requests/handling/deny";
import { requestStatusLink, STATUS_LINKS_PER_REQUEST_PER_DAY } from "@/lib/requests/status-recovery";
import { getStatusView } from "@/lib/requests/status-view";
import { submitRequest } from "@/lib/requests/submit";
import { requestInput } from "@/lib/testing/fixtures";
import { createStaff, eventsOf, expectRefusal, latestEmail, tokenOf, verifiedRequest } from "@/lib/testing/requests";
import { seed } from "@/prisma/seed";

const DAY = 86_400_000;
const REASON = "We hold no data about this address beyond the request itself.";
let officer: StaffUser;
let ipCounter = 0;

/** A client address of its own for each call, so only the limit a test is about can bite. */
const freshIp = () => `192.0.2.${++ipCounter}`;

beforeAll(async () => {
  await seed(db);
  officer = await createStaff("OFFICER");
});

afterEach(() => resetClock());

async function referenceOf(requestId: string): Promise<string> {
  return (await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { reference: true } })).reference;
}

async function recoveryEmails(requestId: string) {
  return db.emailOutbox.findMany({ where: { requestId, template: "status-link-requested" } });
}

describe("a status link after its request closes", () => {
  it("works 89 days after the request closed and not 91", async () => {
    const { requestId, statusToken } = await verifiedRequest({ country: "GB" });
    await denyRequest(requestId, { reason: REASON, basis: "OTHER" }, officer, now());
    const deniedLink = tokenOf(String((await latestEmail(requestId, "request-denied")).props.statusUrl));

    advanceClock(89 * DAY);
    expect((await getStatusView(statusToken))?.status).toBe("DENIED");
    expect((await getStatusView(deniedLink))?.status).toBe("DENIED");

    advanceClock(2 * DAY);
    expect(await getStatusView(statusToken)).toBeNull();
    expect(await getStatusView(deniedLink)).toBeNull();
    // What the link could do goes with it: here, answering on the page.
    await expectRefusal(answerFromRequester(statusToken, { message: "Hello" }, now()), "NOT_FOUND");
    // The record stays.
    expect(await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { status: true } })).toEqual({ status: "DENIED" });
  });

  it("counts from the close of a request closed because its email was never confirmed", async () => {
    const submitted = await submitRequest(requestInput(), { ip: null, now: now() });
    if (!submitted.ok) throw new Error("submit failed");
    const { statusUrl } = (await latestEmail(submitted.data.requestId, "verify-email")).props as { statusUrl: string };
    advanceClock(8 * DAY);
    expect(await expireUnverifiedRequests(now())).toBeGreaterThanOrEqual(1);

    advanceClock(89 * DAY);
    expect((await getStatusView(tokenOf(statusUrl)))?.status).toBe("CLOSED_UNVERIFIED");
    advanceClock(2 * DAY);
    expect(await getStatusView(tokenOf(statusUrl))).toBeNull();
  });

  it("keeps a refused request's page open while its appeal is open, and counts from the appeal's close", async () => {
    const { requestId, statusToken } = await verifiedRequest({ country: "US", region: "VA" });
    await denyRequest(requestId, { reason: REASON, basis: "OTHER" }, officer, now());
    const appeal = await appealDecision(statusToken, { reason: "Please look again." }, now());

    advanceClock(120 * DAY);
    expect((await getStatusView(statusToken))?.id).toBe(requestId);
    expect((await getStatusView(tokenOf(appeal.statusPath)))?.id).toBe(appeal.requestId);

    await denyRequest(appeal.requestId, { reason: REASON, basis: "OTHER" }, officer, now());
    advanceClock(89 * DAY);
    expect((await getStatusView(statusToken))?.id).toBe(requestId);
    advanceClock(2 * DAY);
    expect(await getStatusView(statusToken)).toBeNull();
    expect(await getStatusView(tokenOf(appeal.statusPath))).toBeNull();
  });
});

describe("requestStatusLink", () => {
  it("emails one new link to the address on the request when email and reference match", async () => {
    const { requestId, email } = await verifiedRequest();
    const reference = await referenceOf(requestId);

    // Typed the way people type: other case, spaces in the reference.
    const answer = await requestStatusLink({ email: email.toUpperCase(), reference: reference.toLowerCase().replaceAll("-", " ") }, { ip: freshIp() });

    expect(answer).toEqual({ ok: true, data: null });
    const sent = await recoveryEmails(requestId);
    expect(sent).toHaveLength(1);
    const mail = await latestEmail(requestId, "status-link-requested");
    expect(mail.to).toBe(email);
    expect(mail.props).toMatchObject({ reference, linkValidUntil: null });
    expect((await getStatusView(tokenOf(String(mail.props.statusUrl))))?.id).toBe(requestId);
    expect((await eventsOf(requestId)).at(-1)).toMatchObject({ action: "request.status_link_sent", visibility: "PUBLIC", actorType: "REQUESTER" });
  });

  it("gives the same answer and sends nothing when they don't match", async () => {
    const { requestId, email } = await verifiedRequest();
    const other = await verifiedRequest();
    const reference = await referenceOf(requestId);
    const eventsBefore = (await eventsOf(requestId)).length;

    const answers = await Promise.all([
      requestStatusLink({ email: other.email, reference }, { ip: freshIp() }),
      requestStatusLink({ email: "someone.else@example.test", reference }, { ip: freshIp() }),
      requestStatusLink({ email, reference: "DSR-0000-0000" }, { ip: freshIp() }),
    ]);

    expect(answers).toEqual([
      { ok: true, data: null },
      { ok: true, data: null },
      { ok: true, data: null },
    ]);
    expect(await recoveryEmails(requestId)).toHaveLength(0);
    expect(await recoveryEmails(other.requestId)).toHaveLength(0);
    expect(await eventsOf(requestId)).toHaveLength(eventsBefore);
  });

  it("sends a link that works again to a requester who outlived theirs", async () => {
    const { requestId, email, statusToken } = await verifiedRequest({ country: "GB" });
    await denyRequest(requestId, { reason: REASON, basis: "OTHER" }, officer, now());
    advanceClock(200 * DAY);
    expect(await getStatusView(statusToken)).toBeNull();

    await requestStatusLink({ email, reference: await referenceOf(requestId) }, { ip: freshIp() });
    const mail = await latestEmail(requestId, "status-link-requested");
    const fresh = tokenOf(String(mail.props.statusUrl));
    expect((await getStatusView(fresh))?.status).toBe("DENIED");
    // Ninety days from now, when it was sent.
    expect(Date.parse(String(mail.props.linkValidUntil))).toBeCloseTo(now().getTime() + 90 * DAY, -4);

    advanceClock(91 * DAY);
    expect(await getStatusView(fresh)).toBeNull();
  });

  it("sends nothing for a request whose email address was erased", async () => {
    const input = requestInput();
    const submitted = await submitRequest(input, { ip: null, now: now() });
    if (!submitted.ok) throw new Error("submit failed");
    const { requestId } = submitted.data;
    advanceClock(8 * DAY);
    await expireUnverifiedRequests(now());

    const answer = await requestStatusLink({ email: String(input.email), reference: await referenceOf(requestId) }, { ip: freshIp() });

    expect(answer).toEqual({ ok: true, data: null });
    expect(await recoveryEmails(requestId)).toHaveLength(0);
  });

  it("sends at most a few links a day for one request, however many addresses ask, with the same answer", async () => {
    const { requestId, email } = await verifiedRequest();
    const reference = await referenceOf(requestId);
    for (let i = 0; i < STATUS_LINKS_PER_REQUEST_PER_DAY + 2; i++) {
      expect(await requestStatusLink({ email, reference }, { ip: freshIp() })).toEqual({ ok: true, data: null });
    }
    expect(await recoveryEmails(requestId)).toHaveLength(STATUS_LINKS_PER_REQUEST_PER_DAY);

    advanceClock(DAY);
    await requestStatusLink({ email, reference }, { ip: freshIp() });
    expect(await recoveryEmails(requestId)).toHaveLength(STATUS_LINKS_PER_REQUEST_PER_DAY + 1);
  });

  it("limits tries per client address and says so", async () => {
    const { requestId, email } = await verifiedRequest();
    const reference = await referenceOf(requestId);
    const ip = freshIp();
    for (let i = 0; i < 10; i++) {
      expect((await requestStatusLink({ email: `guess${i}@example.test`, reference }, { ip })).ok).toBe(true);
    }

    const limited = await requestStatusLink({ email, reference }, { ip });

    expect(limited).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(limited.ok ? "" : limited.formError).toMatch(/^We have had many requests for new links from your network\. Please try again in \d+ minutes?\.$/);
    expect(await recoveryEmails(requestId)).toHaveLength(0);
    // Another address is not held back.
    expect(await requestStatusLink({ email, reference }, { ip: freshIp() })).toEqual({ ok: true, data: null });
    expect(await recoveryEmails(requestId)).toHaveLength(1);
  });

  it("says what is wrong with what was typed, and looks nothing up", async () => {
    const answer = await requestStatusLink({ email: "not an address", reference: "12" }, { ip: freshIp() });
    expect(answer).toEqual({
      ok: false,
      fieldErrors: {
        email: "Enter an email address in the format name@example.com",
        reference: "Enter the reference from our emails, like DSR-7K3M-Q9PX",
      },
    });
  });
});
