import "server-only";
import type { Db } from "@/lib/db";

export type SettingsHistoryRow = { id: string; at: Date; by: string | null; action: string; data: unknown };

/**
 * One area's latest settings_events (organisation, handling, branding, request-types, policy),
 * newest first, each with the email of who made it (null once they are gone). Each section words
 * its own `data`.
 */
export async function readSettingsHistory(db: Pick<Db, "settingsEvent" | "staff">, area: string, take = 20): Promise<SettingsHistoryRow[]> {
  const events = await db.settingsEvent.findMany({ where: { area }, orderBy: { id: "desc" }, take, select: { id: true, at: true, actorId: true, action: true, data: true } });
  const email = await staffEmails(db, events.map((e) => e.actorId));
  return events.map((e) => ({ id: String(e.id), at: e.at, by: email.get(e.actorId) ?? null, action: e.action, data: e.data }));
}

/** Staff emails by id, in one query. */
export async function staffEmails(db: Pick<Db, "staff">, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const staff = await db.staff.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, email: true } });
  return new Map(staff.map((s) => [s.id, s.email]));
}
