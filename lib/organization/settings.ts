import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { OrganizationDetails } from "@/lib/organization/types";

/**
 * The operator's published details. Header, footer and policy all ask for them; `cache` makes
 * that one query per render.
 */
export const getOrganizationSettings = cache(async (): Promise<OrganizationDetails> => {
  const settings = await db.organizationSettings.findUnique({
    where: { id: 1 },
    select: {
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
    },
  });
  if (!settings) {
    throw new Error("Organization settings are missing: run `npm run db:seed` to create them.");
  }
  return settings;
});
