import "server-only";
import { calendarDayIn } from "@/lib/dates/time-zone";
import type { Db } from "@/lib/db";
import { readOrganizationDetails } from "@/lib/organization/settings";
import { UNFINISHED_SQL } from "@/lib/requests/status-sql";
import { enqueueWebhooks } from "@/lib/webhooks/enqueue";
import { DEADLINE_NEAR_DAYS } from "@/lib/webhooks/events";

const PER_PASS = 500;

/**
 * From the due pass: announces each unfinished request whose deadline in force is DEADLINE_NEAR_DAYS
 * away or less (or already past), once per due date, so an extension is announced again when it
 * nears. Does nothing while no endpoint wants the event. Returns how many were announced.
 */
export async function announceNearDeadlines(db: Db, now: Date): Promise<number> {
  const wanted = await db.webhookEndpoint.count({ where: { disabledAt: null, events: { has: "request.deadline_near" } } });
  if (wanted === 0) return 0;
  const { timeZone } = await readOrganizationDetails(db);
  const today = calendarDayIn(now, timeZone);
  const horizon = new Date(today.getTime() + DEADLINE_NEAR_DAYS * 86_400_000).toISOString().slice(0, 10);
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ request_id: string; due_date: string }[]>`
      INSERT INTO webhook_deadline_notices (request_id, due_date, at)
      SELECT r.id, coalesce(r.extended_due_at, r.due_at), ${now}::timestamp
        FROM requests r
       WHERE ${UNFINISHED_SQL} AND coalesce(r.extended_due_at, r.due_at) <= ${horizon}::date
         AND NOT EXISTS (SELECT 1 FROM webhook_deadline_notices n WHERE n.request_id = r.id AND n.due_date = coalesce(r.extended_due_at, r.due_at))
       LIMIT ${PER_PASS}
      ON CONFLICT DO NOTHING
      RETURNING request_id::text, to_char(due_date, 'YYYY-MM-DD') AS due_date`;
    for (const row of rows) {
      const daysLeft = Math.round((Date.parse(`${row.due_date}T00:00:00Z`) - today.getTime()) / 86_400_000);
      await enqueueWebhooks(tx, [{ type: "request.deadline_near", data: { daysLeft } }], row.request_id, now);
    }
    return rows.length;
  });
}
