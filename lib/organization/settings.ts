import "server-only";
import { cache } from "react";
import { assertTimeZone, DEFAULT_TIME_ZONE } from "@/lib/dates/time-zone";
import { db, type Db } from "@/lib/db";
import type { OrganizationDetails } from "@/lib/organization/types";

const DETAILS = {
  legalName: true,
  productName: true,
  websiteUrl: true,
  privacyEmail: true,
  supportEmail: true,
  dpoName: true,
  dpoEmail: true,
  euRepresentative: true,
  ukRepresentative: true,
  registeredAddress: true,
  companyNumber: true,
  timeZone: true,
} as const;

/** Reads the operator's details through `client` (a transaction's, or the app's pool). */
export async function readOrganizationDetails(client: Pick<Db, "organizationSettings"> = db): Promise<OrganizationDetails> {
  const settings = await client.organizationSettings.findUnique({ where: { id: 1 }, select: DETAILS });
  if (!settings) {
    throw new Error("Organization settings are missing: run `npm run db:seed` to create them.");
  }
  // Every deadline counts in this zone: one Intl does not know stops here, never read as UTC.
  return { ...settings, timeZone: assertTimeZone(settings.timeZone) };
}

/**
 * The operator's published details. Header, footer and policy all ask for them; `cache` makes
 * that one query per render.
 */
export const getOrganizationSettings = cache(() => readOrganizationDetails());

/**
 * The operator's time zone (an IANA name) through `client`: the calendar deadlines count in and
 * dates are shown in. Before the seed has run there is no row, and the column's default holds.
 */
export async function readTimeZone(client: Pick<Db, "organizationSettings"> = db): Promise<string> {
  const settings = await client.organizationSettings.findUnique({ where: { id: 1 }, select: { timeZone: true } });
  return settings ? assertTimeZone(settings.timeZone) : DEFAULT_TIME_ZONE;
}

/** The same for a page and the read models it calls: one query per render. */
export const getOperatorTimeZone = cache(() => readTimeZone());
