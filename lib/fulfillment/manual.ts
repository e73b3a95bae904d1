import "server-only";
import { now as clockNow } from "@/lib/clock";
import type { Db } from "@/lib/db";
import type { MapSystem } from "@/lib/datamap/types";
import { getEnv } from "@/lib/env";
import { advanceRun, lockRun } from "@/lib/fulfillment/advance";
import { identityLabel, type PlanSystem } from "@/lib/fulfillment/plan";
import { openIdentities } from "@/lib/fulfillment/records";
import type { Prisma } from "@/lib/generated/prisma/client";
import { drainDue } from "@/lib/jobs/drain";
import { enqueueEmail } from "@/lib/mail/outbox";
import { readOrganizationDetails } from "@/lib/organization/settings";
import { recordEvent } from "@/lib/requests/events";
import { isoDay } from "@/lib/requests/handling/load";
import { REQUEST_TYPE_LABELS } from "@/lib/requests/labels";
import { absoluteUrl } from "@/lib/requests/status-token";
import { hashToken, newToken } from "@/lib/security/tokens";

// Manual systems: nobody can search them automatically, so when the run reaches one its owner
// gets an email with a link (no account; only the link's hash is kept, and it expires) saying what
// to look for. The owner answers on that page (lib/fulfillment/owner.ts); a silent owner is
// reminded every MANUAL_TASK_REMINDER_DAYS with a fresh link, and after MANUAL_TASK_MAX_REMINDERS
// the privacy team is told. The state lives in the task's row, so a restart loses nothing.

const DAY = 86_400_000;

export function ownerTaskPath(token: string): string {
  return `/tasks/${token}`;
}

async function mintTaskToken(tx: Prisma.TransactionClient, taskId: string, now: Date): Promise<string> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + getEnv().MANUAL_TASK_LINK_DAYS * DAY);
  await tx.taskToken.create({ data: { taskId, tokenHash: hashToken(token), expiresAt, createdAt: now } });
  return token;
}

/** What the owner's email says: the request, the person's identities, what the map describes. */
async function ownerEmailProps(tx: Prisma.TransactionClient, taskId: string, token: string, now: Date) {
  const task = await tx.fulfillmentTask.findUniqueOrThrow({
    where: { id: taskId },
    select: {
      system: {
        select: {
          name: true,
          ownerEmail: true,
          collections: {
            orderBy: [{ position: "asc" }, { name: "asc" }],
            take: 50,
            select: { id: true, name: true, fields: { select: { categories: true }, orderBy: { position: "asc" }, take: 200 } },
          },
        },
      },
      run: {
        select: {
          identities: true,
          plan: true,
          request: { select: { reference: true, type: true, dueAt: true, extendedDueAt: true } },
        },
      },
    },
  });
  const { system, run } = task;
  const planned = (run.plan as { systems?: { systemId: string; collections: { collectionId: string }[] }[] }).systems ?? [];
  const inPlan = new Set(planned.flatMap((s) => s.collections.map((c) => c.collectionId)));
  const due = run.request.extendedDueAt ?? run.request.dueAt;
  return {
    to: system.ownerEmail,
    props: {
      org: await readOrganizationDetails(tx),
      reference: run.request.reference,
      systemName: system.name,
      requestTypeLabel: REQUEST_TYPE_LABELS[run.request.type],
      dueDate: due ? isoDay(due) : null,
      identities: openIdentities(run.identities).map((i) => ({ label: capitalise(identityLabel(i.type)), value: i.value })),
      collections: system.collections
        .filter((c) => inPlan.size === 0 || inPlan.has(c.id))
        .map((c) => ({ name: c.name, categories: [...new Set(c.fields.flatMap((f) => f.categories))] })),
      taskUrl: absoluteUrl(ownerTaskPath(token)),
      answerBy: new Date(now.getTime() + getEnv().MANUAL_TASK_REMINDER_DAYS * DAY).toISOString(),
    },
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The run reached a manual system: its owner is emailed and the task waits for them. */
export async function openOwnerTask(
  db: Db,
  input: { taskId: string; workerId: string; run: { id: string; requestId: string }; system: MapSystem; planned: PlanSystem },
): Promise<void> {
  const now = clockNow();
  await db.$transaction(async (tx) => {
    await lockRun(tx, input.run.id);
    const { count } = await tx.fulfillmentTask.updateMany({
      where: { id: input.taskId, lockedBy: input.workerId, status: "RUNNING" },
      data: {
        status: "WAITING_FOR_OWNER",
        lockedUntil: null,
        lockedBy: null,
        ownerNextFollowUpAt: new Date(now.getTime() + getEnv().MANUAL_TASK_REMINDER_DAYS * DAY),
      },
    });
    if (count === 0) return;
    const token = await mintTaskToken(tx, input.taskId, now);
    const email = await ownerEmailProps(tx, input.taskId, token, now);
    await enqueueEmail(tx, { requestId: input.run.requestId, template: "manual-task", to: email.to, props: email.props });
    await recordEvent(tx, {
      requestId: input.run.requestId,
      actorType: "SYSTEM",
      action: "run.owner_asked",
      visibility: "INTERNAL",
      data: { runId: input.run.id, taskId: input.taskId, system: input.system.name },
      at: now,
    });
  });
}

export type OwnerFollowUpResult = { ownerReminded: number; ownerEscalated: number };

/** Reminds silent owners and, after the last reminder, tells the privacy team. Safe in several processes. */
export async function runOwnerFollowUps(db: Db, now: Date): Promise<OwnerFollowUpResult> {
  const counts = await drainDue(
    (take) =>
      db.fulfillmentTask.findMany({
        where: { status: "WAITING_FOR_OWNER", ownerNextFollowUpAt: { lte: now } },
        select: { id: true },
        orderBy: { ownerNextFollowUpAt: "asc" },
        take,
      }),
    (id) => db.$transaction((tx) => followUpOne(tx, id, now)),
  );
  return { ownerReminded: counts.reminded ?? 0, ownerEscalated: counts.escalated ?? 0 };
}

async function followUpOne(tx: Prisma.TransactionClient, taskId: string, now: Date): Promise<"reminded" | "escalated" | null> {
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM fulfillment_tasks
     WHERE id = ${taskId}::uuid AND status = 'WAITING_FOR_OWNER' AND owner_next_follow_up_at <= ${now}::timestamp
       FOR UPDATE SKIP LOCKED`;
  if (!row) return null;
  const task = await tx.fulfillmentTask.findUniqueOrThrow({
    where: { id: taskId },
    select: { ownerRemindersSent: true, runId: true, system: { select: { name: true } }, run: { select: { requestId: true, request: { select: { reference: true } } } } },
  });
  const env = getEnv();
  const requestId = task.run.requestId;
  if (task.ownerRemindersSent < env.MANUAL_TASK_MAX_REMINDERS) {
    const reminderNumber = task.ownerRemindersSent + 1;
    const token = await mintTaskToken(tx, taskId, now);
    await tx.fulfillmentTask.update({
      where: { id: taskId },
      data: { ownerRemindersSent: reminderNumber, ownerNextFollowUpAt: new Date(now.getTime() + env.MANUAL_TASK_REMINDER_DAYS * DAY) },
    });
    const email = await ownerEmailProps(tx, taskId, token, now);
    await enqueueEmail(tx, {
      requestId,
      template: "manual-task-reminder",
      to: email.to,
      props: { ...email.props, reminderNumber, escalatesAfterThis: reminderNumber >= env.MANUAL_TASK_MAX_REMINDERS },
    });
    await recordEvent(tx, {
      requestId,
      actorType: "SYSTEM",
      action: "run.owner_reminded",
      visibility: "INTERNAL",
      data: { runId: task.runId, taskId, system: task.system.name, reminderNumber },
      at: now,
    });
    return "reminded";
  }
  // The links keep working: a late answer is still taken.
  await tx.fulfillmentTask.update({ where: { id: taskId }, data: { ownerEscalatedAt: now, ownerNextFollowUpAt: null } });
  await recordEvent(tx, {
    requestId,
    actorType: "SYSTEM",
    action: "run.owner_silent",
    visibility: "INTERNAL",
    data: { runId: task.runId, taskId, system: task.system.name, remindersSent: task.ownerRemindersSent },
    at: now,
  });
  const org = await readOrganizationDetails(tx);
  await enqueueEmail(tx, {
    requestId,
    template: "manual-task-escalated",
    to: org.privacyEmail,
    props: {
      org,
      reference: task.run.request.reference,
      systemName: task.system.name,
      remindersSent: task.ownerRemindersSent,
      requestUrl: absoluteUrl(`/admin/requests/${requestId}`),
    },
  });
  return "escalated";
}

export type OwnerTaskView =
  | {
      state: "open";
      reference: string;
      systemName: string;
      dueDate: string | null;
      identities: { label: string; value: string }[];
      collections: { name: string; categories: string[] }[];
      operatorName: string;
      privacyEmail: string;
    }
  | { state: "answered"; reference: string; systemName: string; operatorName: string };

/** The task a link belongs to, or null for an unknown, expired or revoked link (or an ended task). */
export async function ownerTaskIdForToken(client: Pick<Prisma.TransactionClient, "taskToken">, token: string, now: Date): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const found = await client.taskToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { taskId: true, revokedAt: true, expiresAt: true } });
  return found && !found.revokedAt && found.expiresAt > now ? found.taskId : null;
}

export async function getOwnerTaskView(db: Db, token: string, now = clockNow()): Promise<OwnerTaskView | null> {
  const taskId = await ownerTaskIdForToken(db, token, now);
  if (!taskId) return null;
  const task = await db.fulfillmentTask.findUnique({ where: { id: taskId }, select: { status: true } });
  const org = await readOrganizationDetails(db);
  if (task?.status === "DONE") {
    const t = await db.fulfillmentTask.findUniqueOrThrow({
      where: { id: taskId },
      select: { system: { select: { name: true } }, run: { select: { request: { select: { reference: true } } } } },
    });
    return { state: "answered", reference: t.run.request.reference, systemName: t.system.name, operatorName: org.legalName };
  }
  if (task?.status !== "WAITING_FOR_OWNER") return null;
  const { props } = await db.$transaction((tx) => ownerEmailProps(tx, taskId, token, now));
  return {
    state: "open",
    reference: props.reference,
    systemName: props.systemName,
    dueDate: props.dueDate,
    identities: props.identities,
    collections: props.collections,
    operatorName: org.legalName,
    privacyEmail: org.privacyEmail,
  };
}
