import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { advanceClock, resetClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { submitRequest } from "@/lib/requests/submit";
import { requestInput } from "@/lib/testing/fixtures";
import { redirectOf } from "@/lib/testing/redirect";
import { latestEmail, tokenOf } from "@/lib/testing/requests";
import { getLinkView } from "@/lib/verification/link-view";
import { seed } from "@/prisma/seed";
import { confirmLinkAction } from "./actions";

// The emailed link as a mail scanner and as a person use it: opening the page (what its GET
// renders) changes nothing; its button (a form post to the action) confirms.

// The language the page was read in, as proxy.ts would have settled it from the address.
const reader = vi.hoisted(() => ({ locale: "en" }));
vi.mock("next-intl/server", () => ({ getLocale: async () => reader.locale }));

beforeAll(async () => {
  await seed(db);
});

afterEach(() => {
  resetClock();
  reader.locale = "en";
});

async function pending() {
  const submitted = await submitRequest(requestInput(), { ip: null });
  if (!submitted.ok || !submitted.data.verificationRequired) throw new Error("expected a pending request");
  const { requestId } = submitted.data;
  const { verifyUrl } = (await latestEmail(requestId, "verify-email")).props as { verifyUrl: string };
  const { reference } = await db.request.findUniqueOrThrow({ where: { id: requestId }, select: { reference: true } });
  return { requestId, reference, token: tokenOf(verifyUrl) };
}

/** Everything opening or pressing the link could change. */
async function snapshot(requestId: string) {
  const [request, challenges, events, emails, tokens] = await Promise.all([
    db.request.findUniqueOrThrow({ where: { id: requestId }, select: { status: true, verifiedAt: true, dueAt: true } }),
    db.verificationChallenge.findMany({ where: { requestId }, select: { consumedAt: true, attempts: true } }),
    db.requestEvent.count({ where: { requestId } }),
    db.emailOutbox.count({ where: { requestId } }),
    db.requestToken.count({ where: { requestId } }),
  ]);
  return { request, challenges, events, emails, tokens };
}

function form(token: string): FormData {
  const data = new FormData();
  data.set("token", token);
  return data;
}

describe("the emailed confirmation link", () => {
  it("opening it changes nothing; the button confirms; pressing it again says it is confirmed", async () => {
    const { requestId, reference, token } = await pending();
    const before = await snapshot(requestId);
    expect(before.request.status).toBe("PENDING_VERIFICATION");

    // A scanner may open it any number of times.
    for (let i = 0; i < 3; i++) expect(await getLinkView(token)).toEqual({ state: "pending", reference });
    expect(await snapshot(requestId)).toEqual(before);

    const to = await redirectOf(confirmLinkAction(form(token)));
    expect(to).toMatch(/^\/requests\/status\/[A-Za-z0-9_-]{20,}\?confirmed=1$/);
    const confirmed = await snapshot(requestId);
    expect(confirmed.request.status).toBe("RECEIVED");
    expect(confirmed.events).toBe(before.events + 1);

    // The second press (or an old tab) says so, and hands out no new status link.
    expect(await redirectOf(confirmLinkAction(form(token)))).toBe(`/requests/verify/link/${token}`);
    expect(await getLinkView(token)).toEqual({ state: "confirmed", reference });
    expect(await snapshot(requestId)).toEqual(confirmed);
  });

  it("says plainly when the link has expired, and offers a new email while the request waits", async () => {
    const { requestId, reference, token } = await pending();
    advanceClock(16 * 60_000);
    expect(await getLinkView(token)).toEqual({ state: "expired", reference, requestId });
    expect(await redirectOf(confirmLinkAction(form(token)))).toBe(`/requests/verify/link/${token}`);
    expect((await snapshot(requestId)).request.status).toBe("PENDING_VERIFICATION");
  });

  it("finds nothing for an unknown or malformed link, and confirms nothing", async () => {
    expect(await getLinkView("x".repeat(43))).toEqual({ state: "not_found" });
    expect(await getLinkView("%zz")).toEqual({ state: "not_found" });
    expect(await redirectOf(confirmLinkAction(form("../../status")))).toBe(`/requests/verify/link/..%2F..%2Fstatus`);
  });

  it("keeps the language the page was read in: a German reader lands on the German status page, or back on the German link page", async () => {
    reader.locale = "de";
    const { token } = await pending();
    expect(await redirectOf(confirmLinkAction(form(token)))).toMatch(/^\/de\/requests\/status\/[A-Za-z0-9_-]{20,}\?confirmed=1$/);
    reader.locale = "pt-BR";
    expect(await redirectOf(confirmLinkAction(form(token)))).toBe(`/pt-BR/requests/verify/link/${token}`);
  });
});
