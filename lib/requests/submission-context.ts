import "server-only";
import { calendarDayIn } from "@/lib/dates/time-zone";
import type { Db } from "@/lib/db";
import { readOrganizationDetails } from "@/lib/organization/settings";
import type { OrganizationDetails } from "@/lib/organization/types";
import { offeredFormTypes } from "@/lib/requests/offered-types";
import { REQUEST_TYPES, type RequestTypeValue } from "@/lib/requests/schema";

type Context = { org: OrganizationDetails; policyVersionId: string | null; offeredTypes: RequestTypeValue[] };

const TTL_MS = 30_000;
let cached: { at: number; value: Context } | undefined;

/**
 * The operator's details (for emails) and the policy version in force (kept on each request as
 * part of its record), and the request types it offers (Settings → Request types). Cached briefly
 * per process: they change rarely and every submission needs them.
 */
export async function getSubmissionContext(db: Db, now = Date.now()): Promise<Context> {
  if (cached && now - cached.at < TTL_MS) return cached.value;
  const [org, offered] = await Promise.all([readOrganizationDetails(db), db.organizationSettings.findUnique({ where: { id: 1 }, select: { offeredRequestTypes: true } })]);
  // In force on the operator's day, as the policy page says (lib/policy/queries.ts).
  const policy = await db.policyVersion.findFirst({
    where: { publishedAt: { lte: new Date(now) }, effectiveAt: { lte: calendarDayIn(new Date(now), org.timeZone) } },
    orderBy: [{ effectiveAt: "desc" }, { publishedAt: "desc" }],
    select: { id: true },
  });
  const offeredTypes = offered ? offeredFormTypes(offered.offeredRequestTypes) : [...REQUEST_TYPES];
  cached = { at: now, value: { org, policyVersionId: policy?.id ?? null, offeredTypes } };
  return cached.value;
}

export function clearSubmissionContextCache(): void {
  cached = undefined;
}
