import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deliverDueEmails } from "@/lib/mail/worker";
import { createSmtpTransport } from "@/lib/mail/transport";
import { expireUnverifiedRequests } from "@/lib/requests/expire-unverified";
import { submitRequest } from "@/lib/requests/submit";
import { requestInput } from "@/lib/testing/fixtures";
import { freePort } from "@/lib/testing/test-database";
import { seed } from "@/prisma/seed";

beforeAll(async () => {
  await seed(db);
});

const DAY_MS = 86_400_000;

async function unverified(receivedAt: Date) {
  const result = await submitRequest(requestInput({ email: `erase.me.${receivedAt.getTime()}@example.com` }), { ip: null, now: receivedAt });
  if (!result.ok || !result.data.verificationRequired) throw new Error("expected a request waiting for verification");
  return result.data.requestId;
}

describe("closing an unverified request", () => {
  it("wipes its undelivered emails in the same step, so none is ever sent", async () => {
    const now = new Date();
    const requestId = await unverified(new Date(now.getTime() - 8 * DAY_MS));
    // The verification email never went out (the mail server was down all week); a worker also
    // holds a second one mid-send.
    const [queued] = await db.emailOutbox.findMany({ where: { requestId } });
    expect(queued).toMatchObject({ status: "PENDING" });
    expect(queued!.payload).not.toBeNull();
    const held = await db.emailOutbox.create({
      data: { requestId, template: "verify-email", payload: queued!.payload, status: "SENDING", attempts: 1, lockedUntil: new Date(now.getTime() + 30_000) },
    });

    expect(await expireUnverifiedRequests(now)).toBeGreaterThanOrEqual(1);

    const rows = await db.emailOutbox.findMany({ where: { requestId } });
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatchObject({ status: "DEAD", payload: null, lockedUntil: null, lastError: "ERASED" });
    expect((await db.request.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("CLOSED_UNVERIFIED");

    // A worker finds nothing to send, even once the held row's lease has run out.
    await db.emailOutbox.update({ where: { id: held.id }, data: { lockedUntil: new Date(now.getTime() - 1000) } });
    const transport = createSmtpTransport(`smtp://127.0.0.1:${await freePort()}`);
    expect(await deliverDueEmails({ db, transport, from: "privacy@jexi.test" })).toEqual({ sent: 0, failed: 0 });
  });

  it("leaves the emails of a request still within its 7 days alone", async () => {
    const now = new Date();
    const fresh = await unverified(new Date(now.getTime() - 2 * DAY_MS));
    await expireUnverifiedRequests(now);
    const [row] = await db.emailOutbox.findMany({ where: { requestId: fresh } });
    expect(row).toMatchObject({ status: "PENDING" });
    expect(row!.payload).not.toBeNull();
  });
});
