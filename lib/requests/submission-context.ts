import "server-only";
import type { Db } from "@/lib/db";
import { readOrganizationDetails } from "@/lib/organization/settings";
import type { OrganizationDetails } from "@/lib/organization/types";

type Context = { org: OrganizationDetails; policyVersionId: string | null };

const TTL_MS = 30_000;
let cached: { at: number; value: Context } | undefined;

/**
 * The operator's details (for emails) and the policy version in force (kept on each request as
 * part of its record). Cached briefly per process: both change rarely and every submission needs them.
 */
export async function getSubmissionContext(db: Db, now = Date.now()): Promise<Context> {
  if (cached && now - cached.at < TTL_MS) return cached.value;
  const [org, policy] = await Promise.all([
    readOrganizationDetails(db),
    db.policyVersion.findFirst({
      where: { publishedAt: { lte: new Date(now) }, effectiveAt: { lte: new Date(now) } },
      orderBy: { effectiveAt: "desc" },
      select: { id: true },
    }),
  ]);
  cached = { at: now, value: { org, policyVersionId: policy?.id ?? null } };
  return cached.value;
}

export function clearSubmissionContextCache(): void {
  cached = undefined;
}
