import "server-only";
import { cache } from "react";
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
} as const;

/** Reads the operator's details through `client` (a transaction's, or the app's pool). */
export async function readOrganizationDetails(client: Pick<Db, "organizationSettings"> = db): Promise<OrganizationDetails> {
  const settings = await client.organizationSettings.findUnique({ where: { id: 1 }, select: DETAILS });
  if (!settings) {
    throw new Error("Organization settings are missing: run `npm run db:seed` to create them.");
  }
  return settings;
}

/**
 * The operator's published details. Header, footer and policy all ask for them; `cache` makes
 * that one query per render.
 */
export const getOrganizationSettings = cache(() => readOrganizationDetails());
