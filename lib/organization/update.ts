import "server-only";
import { readSettingsHistory } from "@/lib/organization/settings-history";
import { DomainError } from "@/lib/actions/domain-error";
import type { StaffUser } from "@/lib/auth/staff";
import type { Db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { OrganizationSchema, type OrganizationInput, type OrganizationValues } from "@/lib/organization/schema";
import { readOrganizationDetails } from "@/lib/organization/settings";
import { clearSubmissionContextCache } from "@/lib/requests/submission-context";

export type OrganizationChange = { field: keyof OrganizationValues; from: string | null; to: string | null };

/**
 * Saves the operator's details: every page, policy placeholder and new email uses them at once
 * (other app instances within 30 s, their cache of them). Each changed field, old and new value, is
 * kept in settings_events. A time zone set by OPERATOR_TIME_ZONE cannot be changed here: the
 * environment would set it back at the next start.
 */
export async function updateOrganization(db: Db, input: OrganizationInput, admin: StaffUser, now = new Date()): Promise<{ changes: OrganizationChange[] }> {
  const values = OrganizationSchema.parse(input);
  const pinned = getEnv().OPERATOR_TIME_ZONE;
  const changes = await db.$transaction(async (tx) => {
    const before = await readOrganizationDetails(tx);
    if (pinned && values.timeZone !== before.timeZone) {
      throw new DomainError("TIME_ZONE_FROM_ENVIRONMENT", `The time zone is set by the environment (OPERATOR_TIME_ZONE=${pinned}). Change it there, or remove it to choose here.`);
    }
    const changed: OrganizationChange[] = (Object.keys(values) as (keyof OrganizationValues)[])
      .filter((field) => (before[field] ?? null) !== values[field])
      .map((field) => ({ field, from: before[field] ?? null, to: values[field] }));
    if (changed.length === 0) return changed;
    await tx.organizationSettings.update({ where: { id: 1 }, data: values });
    await tx.settingsEvent.create({ data: { actorId: admin.id, area: "organisation", action: "organisation.updated", data: { changes: changed }, at: now } });
    return changed;
  });
  if (changes.length) clearSubmissionContextCache();
  return { changes };
}

/** The latest changes to the operator's details, newest first, with who made them. */
export async function organizationHistory(db: Db, take = 20) {
  const rows = await readSettingsHistory(db, "organisation", take);
  return rows.map(({ data, ...row }) => ({ ...row, changes: (data as { changes?: OrganizationChange[] } | null)?.changes ?? [] }));
}
