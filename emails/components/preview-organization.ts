import type { OrganizationDetails } from "@/lib/organization/types";

/** Sample operator for template previews and render tests; real sends carry the database row. */
export const PREVIEW_ORGANIZATION: OrganizationDetails = {
  legalName: "Jexi, Inc.",
  productName: "Jexi",
  websiteUrl: "https://jexi.com",
  privacyEmail: "hello@jexi.com",
  supportEmail: "support@jexi.com",
  dpoName: null,
  dpoEmail: null,
  euRepresentative: null,
  ukRepresentative: null,
  registeredAddress: "548 Market Street, Suite 100\nSan Francisco, CA 94104\nUnited States",
  companyNumber: null,
  timeZone: "UTC",
};
