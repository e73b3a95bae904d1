import "server-only";
import type { Db } from "@/lib/db";
import { planRun, startRun } from "@/lib/fulfillment/runs";
import { logError, logEvent } from "@/lib/log";

// The processor case: when a referred customer asks for an export of its workspace data, and the
// data map describes workspace content, the portal finds it itself (a WORKSPACE_EXPORT run scoped
// to the referral's workspace, started by nobody in particular) and delivers the package when it
// is assembled (lib/fulfillment/package/assemble.ts). Without workspace content in the map, or
// when a run cannot start (another run of the request is active), the officer's upload remains
// the way, as before: the officer was emailed either way.

/** Starts the run; its id, or null when the upload stays the way. Never throws. */
export async function startWorkspaceExportRun(db: Db, referralId: string): Promise<string | null> {
  try {
    const content = await db.dataCollection.count({ where: { workspaceField: { not: null } } });
    if (content === 0) return null;
    const referral = await db.referral.findUnique({ where: { id: referralId }, select: { requestId: true, workspace: { select: { slug: true } } } });
    if (!referral) return null;
    const { runId } = await planRun(db, {
      requestId: referral.requestId,
      kind: "WORKSPACE_EXPORT",
      referralId,
      workspaces: [referral.workspace.slug],
      staffId: null,
    });
    await startRun(db, runId, null);
    logEvent("referral.export_run_started", { referralId, runId });
    return runId;
  } catch (error) {
    logError("referral.export_run_failed", error, { referralId });
    return null;
  }
}
