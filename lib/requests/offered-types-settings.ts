import "server-only";
import { readSettingsHistory } from "@/lib/organization/settings-history";
import { DomainError } from "@/lib/actions/domain-error";
import { allows } from "@/lib/auth/roles";
import type { StaffUser } from "@/lib/auth/staff";
import type { Db } from "@/lib/db";
import { REQUEST_TYPE_LABELS } from "@/lib/requests/labels";
import { offeredFormTypes, OfferedTypesSchema, storedOfferedTypes, type OfferedTypesInput } from "@/lib/requests/offered-types";
import { REQUEST_TYPES, type RequestTypeValue } from "@/lib/requests/schema";
import { clearSubmissionContextCache } from "@/lib/requests/submission-context";

export const REQUEST_TYPES_AREA = "request-types";

/** The form types the portal offers today (before the seed has run, the column's default: all). */
export async function readOfferedTypes(client: Pick<Db, "organizationSettings">): Promise<RequestTypeValue[]> {
  const settings = await client.organizationSettings.findUnique({ where: { id: 1 }, select: { offeredRequestTypes: true } });
  return settings ? offeredFormTypes(settings.offeredRequestTypes) : [...REQUEST_TYPES];
}

/**
 * Sets which request types the form, the home page and the server take. The form refuses the
 * others at once; the server (submitRequest, and the API through it) within 30 s on other app
 * instances, their cache of the submission context. The old and new lists go to settings_events.
 */
export async function updateOfferedTypes(db: Db, input: OfferedTypesInput, admin: StaffUser, now = new Date()): Promise<{ from: RequestTypeValue[]; to: RequestTypeValue[]; changed: boolean }> {
  if (!allows(admin, "settings.manage")) throw new DomainError("FORBIDDEN", "Only an admin may change the request types the portal offers.");
  const { types } = OfferedTypesSchema.parse(input);
  const result = await db.$transaction(async (tx) => {
    const from = await readOfferedTypes(tx);
    if (from.join() === types.join()) return { from, to: types, changed: false };
    await tx.organizationSettings.update({ where: { id: 1 }, data: { offeredRequestTypes: storedOfferedTypes(types) } });
    await tx.settingsEvent.create({ data: { actorId: admin.id, area: REQUEST_TYPES_AREA, action: "request-types.updated", data: { from, to: types }, at: now } });
    return { from, to: types, changed: true };
  });
  if (result.changed) clearSubmissionContextCache();
  return result;
}

/** The latest changes to the offered types, newest first, each list in words, with who made it. */
export async function offeredTypesHistory(db: Db, take = 20) {
  const words = (types: RequestTypeValue[] | undefined) => (types ?? []).map((t) => REQUEST_TYPE_LABELS[t] ?? t);
  return (await readSettingsHistory(db, REQUEST_TYPES_AREA, take)).map(({ id, at, by, data }) => {
    const changed = (data ?? {}) as { from?: RequestTypeValue[]; to?: RequestTypeValue[] };
    return { id, at, by, from: words(changed.from), to: words(changed.to) };
  });
}
