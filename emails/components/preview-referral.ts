import type { ReferralBriefProps } from "@/emails/components/referral-brief";
import { PREVIEW_ORGANIZATION } from "@/emails/components/preview-organization";

/** Sample customer that controls the data, for the previews of the emails about a referral. */
export const PREVIEW_CUSTOMER = {
  customerName: "Acme Retail GmbH",
  customerContactEmail: "privacy@acme-retail.example",
};

/** Sample referral for the previews of the emails to a customer's privacy contacts. */
export const PREVIEW_REFERRAL: ReferralBriefProps = {
  org: PREVIEW_ORGANIZATION,
  language: "en",
  customerName: PREVIEW_CUSTOMER.customerName,
  workspaceName: "Acme Support",
  reference: "DSR-7K3M-Q9PX",
  requestTypeLabel: "Delete my data",
  regimeLabel: "GDPR (European Economic Area)",
  dueDate: "2026-12-22",
  requester: { name: "Maria Keller", email: "maria.keller@example.com" },
  relationship: "I used a chat, email or support service that a company runs with our product",
  details: [{ label: "What should be deleted", value: "Everything about the requester" }],
  includesOperatorPart: true,
  referralUrl: "http://localhost:3000/referrals/preview-referral-token",
};
