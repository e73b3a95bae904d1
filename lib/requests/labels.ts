import type { DenialBasis, Jurisdiction, Relationship, RequestStatus, RequestType } from "@/lib/generated/prisma/enums";

export const REQUEST_TYPE_LABELS: Record<RequestType, string> = {
  ACCESS: "Access my data",
  DELETION: "Delete my data",
  PORTABILITY: "Export my data",
  OBJECTION: "Object to processing",
  CORRECTION: "Correct my data",
  RESTRICTION: "Restrict processing",
  OPT_OUT_SALE: "Opt out of sale or sharing",
  WITHDRAW_CONSENT: "Withdraw consent",
  APPEAL: "Appeal a decision",
};

export const REQUEST_TYPE_DESCRIPTIONS: Record<RequestType, string> = {
  ACCESS: "Get a copy of the personal information we hold about you and how we use it.",
  DELETION: "Ask us to erase personal information about you.",
  PORTABILITY: "Receive your personal information in a machine-readable file.",
  OBJECTION: "Object to a particular use of your personal information.",
  CORRECTION: "Fix personal information about you that is wrong or incomplete.",
  RESTRICTION: "Ask us to limit how we use your personal information while an issue is resolved.",
  OPT_OUT_SALE: "Opt out of the sale or sharing of your personal information.",
  WITHDRAW_CONSENT: "Withdraw consent you gave us earlier.",
  APPEAL: "Ask us to reconsider how we answered an earlier request.",
};

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  PENDING_VERIFICATION: "Waiting for email confirmation",
  RECEIVED: "Received",
  IN_PROGRESS: "In progress",
  AWAITING_REQUESTER: "Waiting for your reply",
  REFERRED: "With the company that controls the data",
  COMPLETED: "Completed",
  DENIED: "Denied",
  CLOSED_UNVERIFIED: "Closed: email not confirmed",
  MERGED: "Answered with your earlier request",
  CLOSED_SPAM: "Closed",
};

export const RELATIONSHIP_LABELS: Record<Relationship, string> = {
  ACCOUNT_HOLDER: "I have an account with us, or work for a company that does",
  CUSTOMER_END_USER: "I used a chat, email or support service that a company runs with our product",
  WEBSITE_VISITOR: "I visited our website or contacted us",
  OTHER: "Other",
};

export const JURISDICTION_LABELS: Record<Jurisdiction, string> = {
  GDPR: "GDPR (European Economic Area)",
  UK_GDPR: "UK GDPR",
  CCPA: "CCPA/CPRA (California)",
  US_STATE: "US state privacy law",
  LGPD: "LGPD (Brazil)",
  PDPA_SG: "PDPA (Singapore)",
  QUEBEC: "Law 25 (Quebec)",
  OTHER: "Our global standard",
};

/** Why a request was denied, as the officer chooses it and the §7102 figures count it. */
export const DENIAL_BASIS_LABELS: Record<DenialBasis, string> = {
  UNVERIFIABLE: "Identity could not be verified",
  EXEMPTION: "An exception in the law applies (a legal obligation, legal claims, others' rights)",
  UNFOUNDED_OR_EXCESSIVE: "Manifestly unfounded or excessive",
  NOT_COVERED: "The law gives no such right to this requester or for this data",
  OTHER: "Another reason",
};
