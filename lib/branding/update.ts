import "server-only";
import { readSettingsHistory } from "@/lib/organization/settings-history";
import { createHash } from "node:crypto";
import { DomainError } from "@/lib/actions/domain-error";
import type { StaffUser } from "@/lib/auth/staff";
import { AccentSchema, type AccentInput } from "@/lib/branding/accent";
import { checkLogo, LOGO_TYPES } from "@/lib/branding/logo";
import type { Db } from "@/lib/db";

// Changing the portal's look: each change in settings_events (area "branding") with who made it
// and what was there before. A logo is recorded by its sha256, type, size and dimensions, never
// its bytes.

/** A logo as the history records it. */
type LogoRecord = { sha256: string; contentType: string; size: number; width?: number | null; height?: number | null };

export type BrandingEventData =
  | { accent: { from: string | null; to: string | null } }
  | { logo: LogoRecord; previous: LogoRecord | null }
  | { removed: LogoRecord };

async function currentLogo(tx: Pick<Db, "brandLogo">): Promise<LogoRecord | null> {
  const logo = await tx.brandLogo.findUnique({ where: { id: 1 }, select: { sha256: true, contentType: true, bytes: true, width: true, height: true } });
  return logo && { sha256: logo.sha256, contentType: logo.contentType, size: logo.bytes.byteLength, width: logo.width, height: logo.height };
}

/**
 * Checks the file completely (lib/branding/logo.ts) and makes it the logo; refused with the check's
 * code and message, changing nothing. The same file again changes nothing.
 */
export async function uploadLogo(db: Db, bytes: Uint8Array, admin: StaffUser, now = new Date()): Promise<{ changed: boolean; logo: LogoRecord }> {
  const check = checkLogo(bytes);
  if (!check.ok) throw new DomainError(check.code, check.message);
  const logo: LogoRecord = { sha256: createHash("sha256").update(bytes).digest("hex"), contentType: check.contentType, size: bytes.byteLength, width: check.width, height: check.height };
  const changed = await db.$transaction(async (tx) => {
    const previous = await currentLogo(tx);
    if (previous?.sha256 === logo.sha256) return false;
    const data = { contentType: check.contentType, bytes: Buffer.from(bytes), sha256: logo.sha256, width: check.width, height: check.height };
    await tx.brandLogo.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
    const event: BrandingEventData = { logo, previous };
    await tx.settingsEvent.create({ data: { actorId: admin.id, area: "branding", action: previous ? "branding.logo_replaced" : "branding.logo_uploaded", data: event, at: now } });
    return true;
  });
  return { changed, logo };
}

/** Removes the logo: the header shows the product's name again. Nothing to remove changes nothing. */
export async function removeLogo(db: Db, admin: StaffUser, now = new Date()): Promise<{ removed: boolean }> {
  const removed = await db.$transaction(async (tx) => {
    const previous = await currentLogo(tx);
    if (!previous) return false;
    await tx.brandLogo.delete({ where: { id: 1 } });
    const event: BrandingEventData = { removed: previous };
    await tx.settingsEvent.create({ data: { actorId: admin.id, area: "branding", action: "branding.logo_removed", data: event, at: now } });
    return true;
  });
  return { removed };
}

/** Sets the accent colour, or with an empty value goes back to the portal's own; refused below WCAG AA. */
export async function updateAccentColor(db: Db, input: AccentInput, admin: StaffUser, now = new Date()): Promise<{ changed: boolean; accentColor: string | null }> {
  const { accentColor } = AccentSchema.parse(input);
  const changed = await db.$transaction(async (tx) => {
    const before = await tx.organizationSettings.findUnique({ where: { id: 1 }, select: { accentColor: true } });
    if (!before) throw new Error("Organization settings are missing: run `npm run db:seed` to create them.");
    if (before.accentColor === accentColor) return false;
    await tx.organizationSettings.update({ where: { id: 1 }, data: { accentColor } });
    const event: BrandingEventData = { accent: { from: before.accentColor, to: accentColor } };
    await tx.settingsEvent.create({ data: { actorId: admin.id, area: "branding", action: "branding.accent_changed", data: event, at: now } });
    return true;
  });
  return { changed, accentColor };
}

function describeLogo(logo: LogoRecord): string {
  const type = logo.contentType === LOGO_TYPES.svg ? "SVG" : "PNG";
  const size = logo.width && logo.height && type === "PNG" ? `, ${logo.width} × ${logo.height} px` : "";
  return `${type}, ${Math.max(1, Math.round(logo.size / 1024))} KB${size}, sha256 ${logo.sha256.slice(0, 12)}…`;
}

/** A branding change in words, as the settings page lists it. */
export function describeBrandingChange(data: BrandingEventData): string {
  if ("accent" in data) return `Accent colour: “${data.accent.from ?? "the portal's own"}” → “${data.accent.to ?? "the portal's own"}”`;
  if ("removed" in data) return `Logo removed (was ${describeLogo(data.removed)})`;
  return data.previous ? `Logo replaced (was ${describeLogo(data.previous)}) by ${describeLogo(data.logo)}` : `Logo uploaded: ${describeLogo(data.logo)}`;
}

/** The latest branding changes, newest first, with who made them. */
export async function brandingHistory(db: Db, take = 20) {
  const rows = await readSettingsHistory(db, "branding", take);
  return rows.map(({ id, at, by, data }) => ({ id, at, by, change: describeBrandingChange(data as BrandingEventData) }));
}
