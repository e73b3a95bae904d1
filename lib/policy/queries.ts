import "server-only";
import { calendarDayIn } from "@/lib/dates/time-zone";
import { db } from "@/lib/db";
import { readTimeZone } from "@/lib/organization/settings";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isLocale, localeOrDefault } from "@/lib/i18n/locales";
import { parsePolicySections, type Policy, type PolicyStatus, type PolicyVersionSummary } from "@/lib/policy/content";

const MAX_VERSIONS_LISTED = 100;

const policySelect = {
  id: true,
  version: true,
  title: true,
  summary: true,
  sections: true,
  changeSummary: true,
  effectiveAt: true,
  updatedAt: true,
  language: true,
} satisfies Prisma.PolicyVersionSelect;

type PolicyRow = Prisma.PolicyVersionGetPayload<{ select: typeof policySelect }>;

function policyOf(row: PolicyRow, status: PolicyStatus): Policy {
  return { ...row, sections: parsePolicySections(row.sections), status, language: localeOrDefault(row.language) };
}

// Drafts (no publishedAt) and versions scheduled for later publication are not public.
function published(now: Date): Prisma.PolicyVersionWhereInput {
  return { publishedAt: { not: null, lte: now } };
}

// effectiveAt is a calendar date, so "in force today" compares it with today's date where the
// operator is (its time zone, as the editor's "effective today or later" counts it).
async function operatorToday(now: Date): Promise<Date> {
  return calendarDayIn(now, await readTimeZone(db));
}

function inForce(now: Date, today: Date): Prisma.PolicyVersionWhereInput {
  return { ...published(now), effectiveAt: { lte: today } };
}

// The current version is the first in this order that is in force.
const newestFirst = [
  { effectiveAt: "desc" },
  { publishedAt: "desc" },
] satisfies Prisma.PolicyVersionOrderByWithRelationInput[];

function statusOf(version: { version: string; effectiveAt: Date }, currentVersion: string | null, today: Date): PolicyStatus {
  if (version.version === currentVersion) return "current";
  return version.effectiveAt > today ? "upcoming" : "earlier";
}

async function currentVersionName(now: Date, today: Date): Promise<string | null> {
  const current = await db.policyVersion.findFirst({ where: inForce(now, today), orderBy: newestFirst, select: { version: true } });
  return current?.version ?? null;
}

/** The policy in force: the newest published version whose effective date has arrived. */
export async function getCurrentPolicy(now = new Date()): Promise<Policy | null> {
  const row = await db.policyVersion.findFirst({ where: inForce(now, await operatorToday(now)), orderBy: newestFirst, select: policySelect });
  return row ? policyOf(row, "current") : null;
}

/** One published version by its stable name (e.g. "2025-09-01"), or null if there is none. */
export async function getPolicyVersion(version: string, now = new Date()): Promise<Policy | null> {
  const today = await operatorToday(now);
  const [row, currentVersion] = await Promise.all([
    db.policyVersion.findFirst({ where: { version, ...published(now) }, select: policySelect }),
    currentVersionName(now, today),
  ]);
  if (!row) return null;
  return policyOf(row, statusOf(row, currentVersion, today));
}

/** Published versions, newest first, without their text, with the languages each is translated into. */
export async function listPolicyVersions(now = new Date()): Promise<PolicyVersionSummary[]> {
  const rows = await db.policyVersion.findMany({
    where: published(now),
    orderBy: newestFirst,
    take: MAX_VERSIONS_LISTED,
    select: {
      version: true,
      title: true,
      effectiveAt: true,
      updatedAt: true,
      language: true,
      translations: { select: { language: true, title: true }, orderBy: { language: "asc" } },
    },
  });
  // Same order as the current-version query, so the first one in force is the current one.
  const today = await operatorToday(now);
  const currentVersion = rows.find((row) => row.effectiveAt <= today)?.version ?? null;
  return rows.map((row) => ({
    ...row,
    language: localeOrDefault(row.language),
    // A language no longer offered is not listed: no page could show it.
    translations: row.translations.flatMap((t) => (isLocale(t.language) ? [{ language: t.language, title: t.title }] : [])),
    status: statusOf(row, currentVersion, today),
  }));
}
