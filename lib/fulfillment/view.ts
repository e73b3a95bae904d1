import "server-only";
import type { Db } from "@/lib/db";
import type { SystemKind } from "@/lib/datamap/types";
import { ENDED } from "@/lib/fulfillment/advance";
import { describePlan, type RunPlan } from "@/lib/fulfillment/plan";
import type { RunKind, RunStatus, TaskStatus } from "@/lib/generated/prisma/enums";

// What the request page shows of a run (H4's panel renders it): the latest run, its plan in words,
// and each system's state. Bounded: one run, its tasks (one per mapped system), a few files each.

export type TaskView = {
  id: string;
  systemName: string;
  kind: SystemKind;
  status: TaskStatus;
  position: number;
  recordsFound: number;
  /** An erasure run: rows the system deleted or changed. */
  rowsErased: number;
  /** Per collection, records found so far. */
  progress: { collectionId: string; name: string; found: number; done: boolean }[];
  lastError: string | null;
  attempts: number;
  /** Why a skipped system is skipped (from the plan). */
  skippedReason: string | null;
  /** Systems it waits for, by name, while queued. */
  waitingFor: string[];
  owner: null | {
    email: string;
    remindersSent: number;
    nextFollowUpAt: Date | null;
    escalatedAt: Date | null;
    note: string | null;
    files: { id: string; filename: string; size: number; contentType: string }[];
  };
  startedAt: Date | null;
  finishedAt: Date | null;
};

export type RunView = {
  id: string;
  kind: RunKind;
  status: RunStatus;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  cancelledAt: Date | null;
  plan: RunPlan;
  description: ReturnType<typeof describePlan>;
  tasks: TaskView[];
  progress: { ended: number; total: number };
};

/** The request's latest run (not a referral's workspace run), or null when it never had one. */
export async function runView(db: Db, requestId: string): Promise<RunView | null> {
  const run = await db.fulfillmentRun.findFirst({
    // The officer's own runs; a referral's workspace runs show on the referral.
    where: { requestId, referralId: null },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      kind: true,
      status: true,
      plan: true,
      createdAt: true,
      startedAt: true,
      finishedAt: true,
      cancelledAt: true,
      tasks: {
        orderBy: { position: "asc" },
        take: 500,
        select: {
          id: true,
          status: true,
          position: true,
          dependsOn: true,
          recordsFound: true,
          rowsErased: true,
          progress: true,
          lastError: true,
          attempts: true,
          startedAt: true,
          finishedAt: true,
          ownerRemindersSent: true,
          ownerNextFollowUpAt: true,
          ownerEscalatedAt: true,
          ownerNote: true,
          system: { select: { id: true, name: true, kind: true, ownerEmail: true } },
          files: { select: { id: true, filename: true, size: true, contentType: true }, orderBy: { createdAt: "asc" }, take: 20 },
        },
      },
    },
  });
  if (!run) return null;
  const plan = run.plan as unknown as RunPlan;
  const skipped = new Map(plan.skipped.map((s) => [s.systemId, s.reason]));
  const nameOfTask = new Map(run.tasks.map((t) => [t.id, t.system.name]));
  const tasks: TaskView[] = run.tasks.map((t) => ({
    id: t.id,
    systemName: t.system.name,
    kind: t.system.kind,
    status: t.status,
    position: t.position,
    recordsFound: t.recordsFound,
    rowsErased: t.rowsErased,
    progress: ((t.progress as { collections?: TaskView["progress"] } | null)?.collections ?? []).slice(0, 100),
    lastError: t.lastError,
    attempts: t.attempts,
    skippedReason: t.status === "SKIPPED" ? (skipped.get(t.system.id) ?? null) : null,
    waitingFor:
      t.status === "QUEUED"
        ? t.dependsOn.filter((d) => !ENDED.includes(run.tasks.find((o) => o.id === d)?.status ?? "QUEUED")).map((d) => nameOfTask.get(d) ?? "")
        : [],
    owner:
      t.system.kind === "MANUAL"
        ? {
            email: t.system.ownerEmail,
            remindersSent: t.ownerRemindersSent,
            nextFollowUpAt: t.ownerNextFollowUpAt,
            escalatedAt: t.ownerEscalatedAt,
            note: t.ownerNote,
            files: t.files,
          }
        : null,
    startedAt: t.startedAt,
    finishedAt: t.finishedAt,
  }));
  const counted = tasks.filter((t) => t.status !== "SKIPPED");
  return {
    id: run.id,
    kind: run.kind,
    status: run.status,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    cancelledAt: run.cancelledAt,
    plan,
    description: describePlan(plan),
    tasks,
    progress: { ended: counted.filter((t) => ENDED.includes(t.status)).length, total: counted.length },
  };
}
