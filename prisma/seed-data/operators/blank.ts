import { REQUEST_TYPES } from "@/lib/requests/schema";
import type { OperatorSeed } from "./types";

// A portal of the operator's own, not a demo: no policy, no customers, and details that say plainly
// what to fill in. The first admin completes them under Settings → Organisation and writes the
// policy under Policy; nothing here is ever written again once the settings exist.
export const blank: OperatorSeed = {
  key: "blank",
  name: "your own organisation (blank)",
  organization: {
    legalName: "Your organisation's legal name (Settings → Organisation)",
    productName: "Your product",
    websiteUrl: "https://example.com",
    privacyEmail: "privacy@example.com",
    supportEmail: "support@example.com",
    dpoName: null,
    dpoEmail: null,
    euRepresentative: null,
    ukRepresentative: null,
    registeredAddress: "Your registered address (Settings → Organisation)",
    companyNumber: null,
    timeZone: "UTC",
  },
  policyVersions: [],
  offeredRequestTypes: [...REQUEST_TYPES],
  customers: [],
};
