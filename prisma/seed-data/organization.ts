import type { OrganizationDetails } from "@/lib/organization/types";

// Jexi's details as its published policy gives them. That policy names no address, DPO or
// representatives, so those are demo values, marked as such wherever they appear.
export const organization: OrganizationDetails = {
  legalName: "Jexi",
  productName: "Jexi",
  websiteUrl: "https://jexi.com",
  privacyEmail: "hello@jexi.com",
  // The policy names one contact for everything.
  supportEmail: "hello@jexi.com",
  dpoName: "Demo Data Protection Officer (sample value)",
  dpoEmail: "dpo@jexi.example",
  euRepresentative: "Demo EU Representative B.V. (sample value), 1 Sample Square, 1011 AB Amsterdam, Netherlands",
  ukRepresentative: "Demo UK Representative Ltd (sample value), 1 Sample Lane, London EC1A 1AA, United Kingdom",
  registeredAddress: "Jexi (demo operator), 100 Example Street, Suite 1, Dublin D02 XY00, Ireland",
  companyNumber: null,
  // The seed takes OPERATOR_TIME_ZONE instead when it is set.
  timeZone: "UTC",
};
