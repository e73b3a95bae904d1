import "server-only";
import type { Db } from "@/lib/db";
import { loadDataMap } from "@/lib/datamap/load";
import { dryRun, type DryRun } from "@/lib/erasure/dry-run";
import { ENDED } from "@/lib/fulfillment/advance";
import type { RunPlan } from "@/lib/fulfillment/plan";
import type { RunStatus } from "@/lib/generated/prisma/enums";
import { referralIdForToken } from "@/lib/referrals/customer";
import { mapHasWorkspaceContent } from "@/lib/referrals/workspace-erasure";
import { readErasureProof, type WorkspaceErasureProof } from "@/lib/referrals/workspace-erasure-outcome";

// What the referral page (for the customer) and the request page (for staff) show of a referral's
// workspace erasure: its latest run, how far the search is, the dry run while it waits for the
// customer's approval, and the proof once erased. Bounded: one run, its tasks (one per system),
// the dry run's few rows per collection.

export type WorkspaceErasureView = {
  id: string;
  status: RunStatus;
  createdAt: Date;
  approvedAt: Date | null;
  erasedAt: Date | null;
  cancelledAt: Date | null;
  /** Systems searched so far, of all: the search ends before the dry run. */
  searched: { ended: number; total: number };
  /** While it waits for the customer's approval. */
  dryRun: DryRun | null;
  /** Systems with workspace content the portal cannot erase in: their owners are emailed a task at the approval. */
  byHand: string[];
  /** Once erased: rows the databases counted, and each erased row looked up again. */
  proof: WorkspaceErasureProof | null;
};

async function latestRun(db: Db, referralId: string, withSamples: boolean): Promise<WorkspaceErasureView | null> {
  const run = await db.fulfillmentRun.findFirst({
    where: { referralId, kind: "WORKSPACE_ERASURE" },
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true, createdAt: true, approvedAt: true, erasedAt: true, cancelledAt: true, plan: true, tasks: { select: { status: true } } },
  });
  if (!run) return null;
  const plan = run.plan as unknown as RunPlan;
  const manual = plan.skipped.filter((s) => s.kind === "MANUAL" || s.kind === "HTTP");
  const map = manual.length ? await loadDataMap(db) : [];
  const byHand = manual.filter((s) => map.find((m) => m.id === s.systemId)?.collections.some((c) => c.workspaceField)).map((s) => s.name);
  const found = run.status === "AWAITING_APPROVAL" ? await dryRun(db, run.id) : null;
  return {
    id: run.id,
    status: run.status,
    createdAt: run.createdAt,
    approvedAt: run.approvedAt,
    erasedAt: run.erasedAt,
    cancelledAt: run.cancelledAt,
    searched: { ended: run.tasks.filter((t) => ENDED.includes(t.status)).length, total: run.tasks.length },
    dryRun: found && !withSamples ? withoutSamples(found) : found,
    byHand,
    proof: run.status === "ERASED" ? await readErasureProof(db, run.id) : null,
  };
}

function withoutSamples(found: DryRun): DryRun {
  return { ...found, systems: found.systems.map((s) => ({ ...s, collections: s.collections.map((c) => ({ ...c, samples: [] })) })) };
}

export type CustomerErasureSection =
  /** Not a deletion request: the page offers no erasure. */
  | { offered: false }
  | { offered: true; workspaceContent: boolean; run: WorkspaceErasureView | null };

/**
 * For the referral page of an open referral. The dry run's sample rows are the requester's data
 * in the customer's own workspace: the customer controls them, so it sees them as they are.
 */
export async function customerWorkspaceErasure(db: Db, token: string): Promise<CustomerErasureSection | null> {
  const referralId = await referralIdForToken(db, token);
  if (!referralId) return null;
  const referral = await db.referral.findUnique({ where: { id: referralId }, select: { request: { select: { type: true } } } });
  if (!referral) return null;
  if (referral.request.type !== "DELETION") return { offered: false };
  const [workspaceContent, run] = await Promise.all([mapHasWorkspaceContent(db), latestRun(db, referralId, true)]);
  return { offered: true, workspaceContent, run };
}

/** For the request page (the caller checked the viewer may read requests): counts and proof, no rows. */
export async function officerWorkspaceErasure(db: Db, referralId: string): Promise<WorkspaceErasureView | null> {
  return latestRun(db, referralId, false);
}
