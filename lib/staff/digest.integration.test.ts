import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import { openOutboxPayload } from "@/lib/mail/payload";
import { sendDailyDigests, setDigest } from "@/lib/staff/digest";
import { createStaff, requestRow } from "@/lib/testing/requests";
import { seed } from "@/prisma/seed";

// The staff digest against hand-made requests: the operator's morning (UTC here), one a day per
// person, their own overdue and due-this-week requests, the unassigned count, and the switch.

const day = (offset: number) => new Date(Date.UTC(2026, 11, 10 + offset));

const request = (status: RequestStatus, f: { assigneeId?: string; due?: Date; extended?: Date } = {}) =>
  requestRow(status, { receivedAt: day(-20), dueAt: f.due ?? null, extendedDueAt: f.extended ?? null, assigneeId: f.assigneeId ?? null });

async function digestsTo(email: string) {
  const rows = await db.emailOutbox.findMany({ where: { template: "staff-digest" }, orderBy: { createdAt: "asc" } });
  return rows.map((r) => openOutboxPayload(r.payload!)).filter((p) => p.to === email) as { to: string; props: Record<string, unknown> }[];
}

beforeAll(async () => {
  await seed(db);
  await db.organizationSettings.update({ where: { id: 1 }, data: { timeZone: "UTC" } });
});

describe("the staff digest", () => {
  it("emails each officer their overdue and week's requests and the unassigned count, once a day from 08:00", async () => {
    await db.staff.updateMany({ data: { digestEnabled: false } });
    const officer = await createStaff("OFFICER");
    const quiet = await createStaff("OFFICER");
    const auditor = await createStaff("AUDITOR");
    await setDigest(db, auditor.id, true);
    await request("IN_PROGRESS", { assigneeId: officer.id, due: day(-2) }); // overdue
    await request("RECEIVED", { assigneeId: officer.id, due: day(-5), extended: day(3) }); // extended: this week
    await request("AWAITING_REQUESTER", { assigneeId: officer.id, due: day(6) }); // this week
    await request("IN_PROGRESS", { assigneeId: officer.id, due: day(7) }); // next week: not counted
    await request("COMPLETED", { assigneeId: officer.id, due: day(-9) }); // done: not counted
    await request("RECEIVED", { due: day(1) }); // nobody holds it
    await request("RECEIVED", { due: day(20) }); // nobody holds it

    // 07:59 UTC: not yet.
    expect(await sendDailyDigests(db, new Date("2026-12-10T07:59:00Z"))).toBe(0);
    expect(await sendDailyDigests(db, new Date("2026-12-10T08:00:00Z"))).toBeGreaterThanOrEqual(2);
    const [mail] = await digestsTo(officer.email);
    expect(mail!.props).toMatchObject({ day: "2026-12-10", overdue: 1, dueThisWeek: 2, unassigned: expect.any(Number) });
    expect((mail!.props.unassigned as number) >= 2).toBe(true);
    expect((mail!.props.urgent as { dueDate: string; overdue: boolean }[]).map((u) => [u.dueDate, u.overdue])).toEqual([
      ["2026-12-08", true],
      ["2026-12-13", false],
      ["2026-12-16", false],
    ]);
    // The quiet officer holds nothing, but requests nobody holds are everyone's business.
    expect(await digestsTo(quiet.email)).toHaveLength(1);
    // Auditors hold no requests: no digest, whatever the switch says.
    expect(await digestsTo(auditor.email)).toHaveLength(0);

    // Once a day: a later pass the same day sends nothing more; the next morning, again.
    expect(await sendDailyDigests(db, new Date("2026-12-10T15:00:00Z"))).toBe(0);
    expect(await digestsTo(officer.email)).toHaveLength(1);
    await setDigest(db, quiet.id, false);
    expect(await sendDailyDigests(db, new Date("2026-12-11T08:30:00Z"))).toBeGreaterThanOrEqual(1);
    expect(await digestsTo(officer.email)).toHaveLength(2);
    expect(await digestsTo(quiet.email)).toHaveLength(1);
    expect((await db.staffEvent.findMany({ where: { staffId: quiet.id }, select: { action: true } })).map((e) => e.action)).toEqual(["digest.disabled"]);
  });

  it("lists the soonest by the date that counts: an extension pushes a request behind a genuinely earlier one", async () => {
    const officer = await createStaff("OFFICER");
    // Ten requests first due long ago but extended to later this week, and one simply overdue.
    for (let i = 0; i < 10; i++) await request("IN_PROGRESS", { assigneeId: officer.id, due: day(-15), extended: day(5) });
    await request("IN_PROGRESS", { assigneeId: officer.id, due: day(-1) });
    await sendDailyDigests(db, new Date("2026-12-10T09:00:00Z"));
    const [mail] = await digestsTo(officer.email);
    const urgent = mail!.props.urgent as { dueDate: string; overdue: boolean }[];
    expect(urgent).toHaveLength(10);
    expect(urgent[0]).toMatchObject({ dueDate: "2026-12-09", overdue: true });
    expect(urgent.slice(1).every((u) => u.dueDate === "2026-12-15" && !u.overdue)).toBe(true);
  });
});
