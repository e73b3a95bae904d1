import type { Jurisdiction, RequestStatus } from "@/lib/generated/prisma/enums";
import { JURISDICTION_LABELS, REQUEST_STATUS_LABELS } from "@/lib/requests/labels";
import { stateLaw } from "@/lib/requests/us-state-laws";

/** The shared labels speak to the requester ("Waiting for your reply"); staff read them the other way round. */
export const STATUS_LABELS: Record<RequestStatus, string> = {
  ...REQUEST_STATUS_LABELS,
  AWAITING_REQUESTER: "Waiting for the requester",
  REFERRED: "Referred to the customer",
  MERGED: "Merged into an earlier request",
  CLOSED_SPAM: "Closed as spam",
};

/** "GDPR", "CCPA/CPRA", "Law 25", "Virginia law": the label without its explanation, for a narrow column. */
export function shortJurisdiction(jurisdiction: Jurisdiction, region?: string | null): string {
  const state = jurisdiction === "US_STATE" ? stateLaw(region) : null;
  return state ? `${state.state} law` : JURISDICTION_LABELS[jurisdiction].replace(/ \(.*\)$/, "");
}
