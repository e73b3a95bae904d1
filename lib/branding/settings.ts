import "server-only";
import { cache } from "react";
import type { LogoType } from "@/lib/branding/logo";
import { db, type Db } from "@/lib/db";

/** The logo as pages refer to it: everything but its bytes. */
export type LogoSummary = { sha256: string; contentType: LogoType; width: number | null; height: number | null; size: number };
export type Branding = { accentColor: string | null; logo: LogoSummary | null };

/** The accent colour (null: the portal's own) and the logo, if any, through `client`. */
export async function readBranding(client: Pick<Db, "organizationSettings" | "$queryRaw"> = db): Promise<Branding> {
  const [settings, logos] = await Promise.all([
    client.organizationSettings.findUnique({ where: { id: 1 }, select: { accentColor: true } }),
    // The size without reading the bytes: every public page asks.
    client.$queryRaw<LogoSummary[]>`SELECT sha256, content_type AS "contentType", width, height, octet_length(bytes) AS size FROM brand_logo WHERE id = 1`,
  ]);
  return { accentColor: settings?.accentColor ?? null, logo: logos[0] ?? null };
}

/** The same for a page's layouts and header: one read per render. */
export const getBranding = cache(() => readBranding());

/** The logo with its bytes, for its address (app/(public)/brand/logo). */
export async function readLogo(client: Pick<Db, "brandLogo"> = db) {
  return client.brandLogo.findUnique({ where: { id: 1 }, select: { contentType: true, bytes: true, sha256: true } });
}
