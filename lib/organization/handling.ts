import "server-only";
import { readSettingsHistory } from "@/lib/organization/settings-history";
import type { StaffUser } from "@/lib/auth/staff";
import type { Db } from "@/lib/db";
import { getEnv, type Env } from "@/lib/env";
import { handlingSchema, HANDLING_KEYS, mergeHandling, type Handling, type HandlingInput, type HandlingKey, type HandlingOverrides } from "@/lib/organization/handling-schema";

// The request-handling values in force: what an admin set under Settings → Request handling, else
// the environment's default. Every pass and page that needs one reads them here. They are cached
// for a short while per process and database, as the submission context is: they change rarely and
// the status-link check needs them on every page view. This process forgets them when it saves a
// change; other instances within TTL_MS.

const TTL_MS = 30_000;
const cache = new WeakMap<object, { at: number; value: Handling }>();

const SELECT = Object.fromEntries(HANDLING_KEYS.map((key) => [key, true])) as Record<HandlingKey, true>;

/** The environment's defaults. */
export function handlingDefaults(env: Env = getEnv()): Handling {
  return {
    unverifiedExpiryDays: env.UNVERIFIED_EXPIRY_DAYS,
    verificationFirstReminderHours: env.VERIFICATION_FIRST_REMINDER_HOURS,
    verificationLastReminderHours: env.VERIFICATION_LAST_REMINDER_HOURS,
    statusLinkDaysAfterClose: env.STATUS_LINK_DAYS_AFTER_CLOSE,
    packageLinkDays: env.DATA_PACKAGE_LINK_DAYS,
    referralReminderDays: env.REFERRAL_REMINDER_DAYS,
    referralMaxReminders: env.REFERRAL_MAX_REMINDERS,
    duplicateWindowDays: env.DUPLICATE_WINDOW_DAYS,
  };
}

/** What an admin set, null where the default applies (before the seed: all null). */
export async function readHandlingOverrides(client: Pick<Db, "organizationSettings">): Promise<HandlingOverrides> {
  const row = await client.organizationSettings.findUnique({ where: { id: 1 }, select: SELECT });
  return row ?? (Object.fromEntries(HANDLING_KEYS.map((key) => [key, null])) as HandlingOverrides);
}

/** The values in force, through `client` (the app's pool, or a transaction's). */
export async function readHandling(client: Pick<Db, "organizationSettings">, now = Date.now()): Promise<Handling> {
  const hit = cache.get(client);
  if (hit && now - hit.at < TTL_MS) return hit.value;
  const value = mergeHandling(await readHandlingOverrides(client), handlingDefaults());
  cache.set(client, { at: now, value });
  return value;
}

export function clearHandlingCache(client: object): void {
  cache.delete(client);
}

export type HandlingChange = { field: HandlingKey; from: number | null; to: number | null };

/**
 * Saves the overrides (null: the default again). Refuses values that clash once the defaults are
 * filled in (a ZodError naming the field). Each changed field, old and new value, is kept in settings_events.
 */
export async function updateHandling(db: Db, input: HandlingInput, admin: StaffUser, now = new Date()): Promise<{ changes: HandlingChange[] }> {
  const overrides = handlingSchema(handlingDefaults()).parse(input) as HandlingOverrides;
  const changes = await db.$transaction(async (tx) => {
    const before = await readHandlingOverrides(tx);
    const changed: HandlingChange[] = HANDLING_KEYS.filter((key) => before[key] !== overrides[key]).map((field) => ({ field, from: before[field], to: overrides[field] }));
    if (changed.length === 0) return changed;
    await tx.organizationSettings.update({ where: { id: 1 }, data: overrides });
    await tx.settingsEvent.create({ data: { actorId: admin.id, area: "handling", action: "handling.updated", data: { changes: changed }, at: now } });
    return changed;
  });
  if (changes.length) clearHandlingCache(db);
  return { changes };
}

/** The latest changes, newest first, with who made them. */
export async function handlingHistory(db: Db, take = 20) {
  const rows = await readSettingsHistory(db, "handling", take);
  return rows.map(({ data, ...row }) => ({ ...row, changes: (data as { changes?: HandlingChange[] } | null)?.changes ?? [] }));
}
