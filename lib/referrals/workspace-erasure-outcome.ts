import "server-only";
import type { ProofLine } from "@/lib/erasure/proof";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueEmail } from "@/lib/mail/outbox";
import { readOrganizationDetails } from "@/lib/organization/settings";
import { isOpenReferral } from "@/lib/referrals/customer";
import { mintReferralToken, referralPath } from "@/lib/referrals/refer";
import { recordEvent } from "@/lib/requests/events";
import { absoluteUrl } from "@/lib/requests/status-token";

// The end of a workspace erasure (lib/referrals/workspace-erasure.ts): the proof the erasure
// worker wrote per system (every erased row looked up again), summed for the customer, and the
// email that tells the customer's privacy contacts what was erased in its workspace. Kept apart
// from the customer's actions so the erasure worker (lib/erasure/run.ts) can call it without
// importing the approval it is called after.

type Client = Pick<Prisma.TransactionClient, "fulfillmentTask">;

/** What a finished workspace erasure did: rows the databases counted, and the proof per collection. */
export type WorkspaceErasureProof = {
  rows: number;
  checked: number;
  left: number;
  lines: (ProofLine & { system: string })[];
};

export async function readErasureProof(client: Client, runId: string): Promise<WorkspaceErasureProof> {
  const tasks = await client.fulfillmentTask.findMany({
    where: { runId, status: "DONE" },
    select: { rowsErased: true, erasureProof: true, system: { select: { name: true } } },
    orderBy: { position: "asc" },
  });
  const lines = tasks.flatMap((t) => ((t.erasureProof as ProofLine[] | null) ?? []).map((p) => ({ system: t.system.name, ...p })));
  return {
    rows: tasks.reduce((n, t) => n + t.rowsErased, 0),
    checked: lines.reduce((n, l) => n + l.checked, 0),
    left: lines.reduce((n, l) => n + l.left, 0),
    lines,
  };
}

/**
 * In the erasure worker's last transaction, when a workspace erasure is ERASED: the customer's
 * privacy contacts are emailed what was erased and the proof, with a fresh link to the referral
 * page while the referral is open, and the request's trail records it (counts only).
 */
export async function tellCustomerWorkspaceErased(tx: Prisma.TransactionClient, runId: string, now: Date): Promise<void> {
  const run = await tx.fulfillmentRun.findUniqueOrThrow({
    where: { id: runId },
    select: {
      requestId: true,
      referral: {
        select: {
          id: true,
          status: true,
          customer: { select: { legalName: true, privacyEmails: true, language: true } },
          workspace: { select: { name: true } },
          request: { select: { reference: true } },
        },
      },
    },
  });
  const referral = run.referral;
  if (!referral) return;
  const proof = await readErasureProof(tx, runId);
  const { customer } = referral;
  if (customer.privacyEmails.length) {
    // A fresh link, as with an export: the one in the referral email may have been revoked.
    const referralUrl = isOpenReferral(referral.status) ? absoluteUrl(referralPath(await mintReferralToken(tx, referral.id))) : null;
    await enqueueEmail(tx, {
      requestId: run.requestId,
      template: "referral-workspace-erased",
      to: customer.privacyEmails.join(", "),
      props: {
        org: await readOrganizationDetails(tx),
        language: customer.language,
        customerName: customer.legalName,
        workspaceName: referral.workspace.name,
        reference: referral.request.reference,
        rows: proof.rows,
        checked: proof.checked,
        left: proof.left,
        collections: proof.lines.map((l) => ({ name: l.collection, checked: l.checked, left: l.left })),
        referralUrl,
      },
    });
  }
  await recordEvent(tx, {
    requestId: run.requestId,
    actorType: "SYSTEM",
    action: "referral.workspace_erased",
    visibility: "INTERNAL",
    data: { referralId: referral.id, runId, customerName: customer.legalName, rows: proof.rows, checked: proof.checked, left: proof.left, told: customer.privacyEmails.length > 0 },
    at: now,
  });
}
