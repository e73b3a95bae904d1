import "server-only";
import { calendarDayIn } from "@/lib/dates/time-zone";
import type { Db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { enqueueEmail } from "@/lib/mail/outbox";
import { readOrganizationDetails } from "@/lib/organization/settings";
import { ASSIGNABLE_ROLES } from "@/lib/requests/handling/acknowledge";
import { REQUEST_TYPE_LABELS } from "@/lib/requests/labels";
import { UNFINISHED_STATUSES } from "@/lib/requests/lifecycle";
import { UNFINISHED_SQL } from "@/lib/requests/status-sql";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RequestType } from "@/lib/generated/prisma/enums";
import { absoluteUrl } from "@/lib/requests/status-token";


// The staff digest (issue 13): each morning in the operator's time zone, from DIGEST_HOUR on, every
// active admin and officer who has not switched it off is emailed their overdue requests, those
// due within 7 days, and how many open requests nobody holds, through the outbox, by the job
// worker's due pass. At most one a day per person: the day is claimed in the same statement that
// checks it, so two instances never both send. Nothing to say (all three zero), no email.

/** The operator's local hour from which the day's digests go out. */
export const DIGEST_HOUR = 8;
/** Their most urgent requests the email lists. */
const URGENT_SHOWN = 10;
/** People per pass; the next pass takes the rest. */
const PER_PASS = 100;

function localHour(now: Date, timeZone: string): number {
  return Number(new Intl.DateTimeFormat("en-GB", { hour: "2-digit", hourCycle: "h23", timeZone }).format(now));
}

/** Sends the day's digests that are due. Returns how many were queued. */
export async function sendDailyDigests(db: Db, now: Date): Promise<number> {
  if (!getEnv().STAFF_DIGEST_ENABLED) return 0;
  const org = await readOrganizationDetails(db);
  if (localHour(now, org.timeZone) < DIGEST_HOUR) return 0;
  const today = calendarDayIn(now, org.timeZone);
  const weekEnd = new Date(today.getTime() + 7 * 86_400_000);
  const people = await db.staff.findMany({
    where: { role: { in: [...ASSIGNABLE_ROLES] }, kind: "PERSON", deactivatedAt: null, digestEnabled: true, OR: [{ digestSentOn: null }, { digestSentOn: { lt: today } }] },
    select: { id: true, email: true },
    orderBy: { id: "asc" },
    take: PER_PASS,
  });
  if (people.length === 0) return 0;
  const open = { status: { in: [...UNFINISHED_STATUSES] } };
  const unassigned = await db.request.count({ where: { ...open, assigneeId: null } });
  let sent = 0;
  for (const person of people) {
    const queued = await db.$transaction(async (tx) => {
      // Claims today for this person; a second instance's claim finds it taken.
      const { count: claimed } = await tx.staff.updateMany({
        where: { id: person.id, OR: [{ digestSentOn: null }, { digestSentOn: { lt: today } }] },
        data: { digestSentOn: today },
      });
      if (claimed === 0) return false;
      const mine = { ...open, assigneeId: person.id };
      const due = (range: { lt?: Date; gte?: Date }) => ({ OR: [{ extendedDueAt: range }, { extendedDueAt: null, dueAt: range }] });
      const [overdue, dueThisWeek, urgent] = await Promise.all([
        tx.request.count({ where: { ...mine, ...due({ lt: today }) } }),
        tx.request.count({ where: { ...mine, ...due({ gte: today, lt: weekEnd }) } }),
        // By the date that counts (the extended one when there is one), soonest first.
        tx.$queryRaw<{ reference: string; type: RequestType; due: Date }[]>`
          SELECT reference, type::text AS type, COALESCE(extended_due_at, due_at) AS due
            FROM requests
           WHERE assignee_id = ${person.id}::uuid AND ${UNFINISHED_SQL} AND COALESCE(extended_due_at, due_at) < ${weekEnd}::date
           ORDER BY COALESCE(extended_due_at, due_at), id
           LIMIT ${URGENT_SHOWN}`,
      ]);
      if (overdue === 0 && dueThisWeek === 0 && unassigned === 0) return false;
      await enqueueEmail(tx, {
        template: "staff-digest",
        to: person.email,
        props: {
          org,
          day: today.toISOString().slice(0, 10),
          overdue,
          dueThisWeek,
          unassigned,
          urgent: urgent.map((r) => ({ reference: r.reference, type: REQUEST_TYPE_LABELS[r.type], dueDate: r.due.toISOString().slice(0, 10), overdue: r.due < today })),
          queueUrl: absoluteUrl("/admin/requests?assignee=me&status=open&sort=due"),
          accountUrl: absoluteUrl("/admin/account"),
        },
      });
      return true;
    });
    if (queued) sent++;
  }
  return sent;
}

/** Switches a staff member's own digest on or off. */
export async function setDigest(db: Db, staffId: string, on: boolean): Promise<void> {
  await db.staff.update({ where: { id: staffId }, data: { digestEnabled: on } });
  await db.staffEvent.create({ data: { staffId, actorId: staffId, action: on ? "digest.enabled" : "digest.disabled" } });
}
