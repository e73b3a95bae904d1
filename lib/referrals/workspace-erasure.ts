import "server-only";
import { DomainError } from "@/lib/actions/domain-error";
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { mapOnce } from "@/lib/erasure/by-hand-lines";
import { beginErasing } from "@/lib/erasure/run";
import { isPersonal } from "@/lib/erasure/strategy";
import { lockRun } from "@/lib/fulfillment/advance";
import { queueReady } from "@/lib/fulfillment/jobs";
import type { RunPlan } from "@/lib/fulfillment/plan";
import { cancelRun, planRun, startRun } from "@/lib/fulfillment/runs";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RunStatus } from "@/lib/generated/prisma/enums";
import { wakeWorker } from "@/lib/jobs/boss";
import { QUEUES } from "@/lib/jobs/queue";
import { logEvent } from "@/lib/log";
import { wakeOutboxWorker } from "@/lib/mail/worker-signal";
import { sendNotice } from "@/lib/recipients/notices";
import { acknowledgeIn, customerOf, lockOpenReferral, type LockedReferral } from "@/lib/referrals/customer";
import { FROM_RUN_ERRORS, WORKSPACE_ERASURE_REFUSALS, type WorkspaceErasureRefusal } from "@/lib/referrals/workspace-erasure-words";
import { recordEvent } from "@/lib/requests/events";
import { isUuid } from "@/lib/requests/handling/load";

// The processor case of an erasure (GDPR Art. 28(3)(e)): the referred customer, controller of its
// workspace's content, instructs us from its referral page to erase the requester's data there. A
// WORKSPACE_ERASURE run scoped to the referral's workspace finds the rows (workspace content only:
// other workspaces and our own records are outside its plan), the customer reads the same dry run
// an officer would and approves it, and the erasure worker erases and proves it
// (lib/erasure/run.ts), then emails the customer the outcome (workspace-erasure-outcome.ts). The
// link is the only credential; every step is on the request's internal trail, without values.

type Tx = Prisma.TransactionClient;

function refuseErasure(code: WorkspaceErasureRefusal): DomainError {
  return new DomainError(code, WORKSPACE_ERASURE_REFUSALS[code]);
}

/** The run machinery's refusals, which speak to officers, in the customer's words. */
async function inCustomerWords<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const code = error instanceof DomainError ? FROM_RUN_ERRORS[error.code] : undefined;
    throw code ? refuseErasure(code) : error;
  }
}

/** Whether the data map describes any workspace content at all: else there is nothing to look for. */
export async function mapHasWorkspaceContent(client: Pick<Tx, "dataCollection">): Promise<boolean> {
  return (await client.dataCollection.count({ where: { workspaceField: { not: null } } })) > 0;
}

async function referralRun(tx: Tx, referral: LockedReferral, runId: string) {
  const run = isUuid(runId)
    ? await tx.fulfillmentRun.findUnique({ where: { id: runId }, select: { referralId: true, kind: true, status: true, approvedAt: true, plan: true } })
    : null;
  // Another referral's run answers as an unknown one: a link opens its own referral only.
  if (!run || run.referralId !== referral.id || run.kind !== "WORKSPACE_ERASURE") throw refuseErasure("RUN_NOT_FOUND");
  return run;
}

/**
 * The customer asks us to find the requester's data in its workspace (a deletion request only,
 * with workspace content in the map, no legal hold, nothing else running for the referral). The
 * run searches at once; when it ends it waits for the customer's approval with its dry run.
 * Asking implies acknowledging. Returns the run's id.
 */
export async function startWorkspaceErasure(token: string, now = clockNow()): Promise<string> {
  const target = await db.$transaction(async (tx) => {
    const referral = await lockOpenReferral(tx, token);
    const found = await tx.referral.findUniqueOrThrow({
      where: { id: referral.id },
      select: { workspace: { select: { slug: true } }, request: { select: { type: true } } },
    });
    if (found.request.type !== "DELETION") throw refuseErasure("NOT_A_DELETION");
    if (!(await mapHasWorkspaceContent(tx))) throw refuseErasure("NO_WORKSPACE_CONTENT");
    if (await tx.fulfillmentRun.count({ where: { referralId: referral.id, kind: "WORKSPACE_ERASURE", status: "ERASED" } })) {
      throw refuseErasure("ALREADY_ERASED");
    }
    return { referralId: referral.id, requestId: referral.requestId, slug: found.workspace.slug };
  });
  const { runId } = await inCustomerWords(() =>
    planRun(db, { requestId: target.requestId, kind: "WORKSPACE_ERASURE", referralId: target.referralId, workspaces: [target.slug], staffId: null }),
  );
  await inCustomerWords(() => startRun(db, runId, null));
  await db.$transaction(async (tx) => {
    const referral = await lockOpenReferral(tx, token);
    await acknowledgeIn(tx, referral, now);
    await recordCustomerStep(tx, referral, "referral.erasure_requested", { runId }, now);
  });
  logEvent("referral.erasure_run_started", { referralId: target.referralId, runId });
  return runId;
}

export type ApprovalOutcome = "approved" | "resumed" | "already";

/**
 * The customer approves the dry run: the erasure is queued, and the owner of each system the
 * portal cannot erase in itself is emailed a task for the workspace's content there. An approval
 * that stopped part-way (FAILED after its approval) resumes where it stopped. Approving again
 * once approved changes nothing ("already").
 */
export async function approveWorkspaceErasure(token: string, runId: string, now = clockNow()): Promise<ApprovalOutcome> {
  await queueReady();
  const outcome = await db.$transaction(async (tx): Promise<ApprovalOutcome> => {
    const referral = await lockOpenReferral(tx, token);
    await referralRun(tx, referral, runId);
    await lockRun(tx, runId);
    const run = await referralRun(tx, referral, runId);
    // Pressed twice, or in two tabs: the first approval stands, and nothing is done again.
    if (run.approvedAt && (run.status === "ERASING" || run.status === "ERASED")) return "already";
    const customer = await customerOf(tx, referral.id);
    const { resumed } = await inCustomerWords(() => beginErasing(tx, { runId, requestId: referral.requestId, approver: { customerId: customer.id } }, now));
    if (!resumed) {
      await askOwnersToEraseWorkspace(
        tx,
        { requestId: referral.requestId, referralId: referral.id, runId, customerId: customer.id, workspaceName: customer.workspaceName, plan: run.plan as unknown as RunPlan },
        now,
      );
    }
    return resumed ? "resumed" : "approved";
  });
  if (outcome !== "already") {
    wakeOutboxWorker();
    wakeWorker(QUEUES.erasureRun.name);
  }
  return outcome;
}

const CANCELLABLE: readonly RunStatus[] = ["PLANNED", "RUNNING", "AWAITING_APPROVAL", "FAILED"];

/** The customer cancels an erasure it has not approved: the rows found are deleted, nothing is erased. */
export async function cancelWorkspaceErasure(token: string, runId: string, now = clockNow()): Promise<void> {
  const referral = await db.$transaction(async (tx) => {
    const locked = await lockOpenReferral(tx, token);
    const run = await referralRun(tx, locked, runId);
    if (run.approvedAt || !CANCELLABLE.includes(run.status)) throw refuseErasure("NOT_CANCELLABLE");
    return locked;
  });
  // cancelRun locks the request and the run again and refuses an ended run; an approval that
  // slipped in between would be cancelled with it, and the erasure stops before its next batch.
  await inCustomerWords(() => cancelRun(db, runId, null));
  await db.$transaction((tx) => recordCustomerStep(tx, referral, "referral.erasure_cancelled", { runId }, now));
}

/** A step of the customer's on the request's internal trail, naming the referral, its workspace and the run (no values). */
async function recordCustomerStep(tx: Tx, referral: { id: string; requestId: string }, action: string, data: Record<string, string | string[]>, now: Date): Promise<void> {
  const customer = await customerOf(tx, referral.id);
  await recordEvent(tx, {
    requestId: referral.requestId,
    actorType: "CUSTOMER",
    actorId: customer.id,
    action,
    visibility: "INTERNAL",
    data: { referralId: referral.id, customerName: customer.legalName, workspaceName: customer.workspaceName, ...data },
    at: now,
  });
}

/**
 * At the approval, in its transaction: the owners of the manual or HTTP systems holding workspace
 * content (which the run skipped: the portal cannot erase there) get an erase-by-hand task for
 * this workspace, confirmed from its hashed link and followed up like every notice. It is one task
 * for the customer's instruction, to every such owner: a task per system would name the system,
 * and then list the operator's own collections there (lib/erasure/by-hand-lines.ts), which are not
 * the customer's to erase, and take the place of the officer's own erase-by-hand task for that
 * system (one per request, system and kind). Returns the systems' names.
 */
export async function askOwnersToEraseWorkspace(
  tx: Tx,
  input: { requestId: string; referralId: string; runId: string; customerId: string; workspaceName: string; plan: RunPlan },
  now: Date,
): Promise<string[]> {
  const skipped = input.plan.skipped.filter((s) => s.kind === "MANUAL" || s.kind === "HTTP");
  if (skipped.length === 0) return [];
  const map = await mapOnce(tx);
  const systems = skipped.flatMap((s) => {
    const system = map.find((m) => m.id === s.systemId);
    return system?.collections.some((c) => c.workspaceField && c.fields.some(isPersonal)) ? [system] : [];
  });
  if (systems.length === 0) return [];
  if (await tx.recipientNotice.count({ where: { requestId: input.requestId, customerId: input.customerId, kind: "ERASE_BY_HAND" } })) return [];
  const asked = systems.map((s) => s.name);
  await sendNotice(
    tx,
    {
      requestId: input.requestId,
      kind: "ERASE_BY_HAND",
      systemId: null,
      customerId: input.customerId,
      name: `${asked.join(", ")} (workspace ${input.workspaceName})`,
      channel: "EMAIL",
      sentTo: [...new Set(systems.map((s) => s.ownerEmail))],
      erasedAt: null,
    },
    now,
  );
  await recordCustomerStep(tx, { id: input.referralId, requestId: input.requestId }, "referral.erasure_owners_asked", { runId: input.runId, systems: asked }, now);
  return asked;
}

/**
 * The due pass's clean-up after a referral closed (the customer answered, the officer withdrew or
 * took it over): a workspace run of it still searching, waiting for the customer's approval or
 * failed before one is cancelled, so the rows it found (sealed) do not outlive the referral. An
 * approved erasure goes on: it is the customer's instruction. Returns how many were cancelled.
 */
export async function cancelClosedReferralRuns(client: typeof db, now = clockNow()): Promise<number> {
  const stale = await client.fulfillmentRun.findMany({
    where: {
      referralId: { not: null },
      referral: { closedAt: { not: null, lte: now } },
      OR: [{ status: { in: ["PLANNED", "RUNNING", "ASSEMBLING", "READY", "AWAITING_APPROVAL"] } }, { status: "FAILED", approvedAt: null, recordsPurgedAt: null }],
    },
    select: { id: true, referralId: true },
    orderBy: { createdAt: "asc" },
    take: 50,
  });
  let cancelled = 0;
  for (const run of stale) {
    try {
      await cancelRun(client, run.id, null);
      cancelled++;
    } catch (error) {
      // Ended meanwhile (approved and erased, or cancelled by someone else): nothing left to do.
      if (!(error instanceof DomainError)) throw error;
    }
  }
  if (cancelled) logEvent("referral.closed_runs_cancelled", { cancelled });
  return cancelled;
}
