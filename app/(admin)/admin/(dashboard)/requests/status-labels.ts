import type { Jurisdiction, RequestStatus } from "@/lib/generated/prisma/enums";
import { JURISDICTION_LABELS, REQUEST_STATUS_LABELS } from "@/lib/requests/labels";

/** The shared labels speak to the requester ("Waiting for your reply"); staff read them the other way round. */
export const STATUS_LABELS: Record<RequestStatus, string> = {
  ...REQUEST_STATUS_LABELS,
  AWAITING_REQUESTER: "Waiting for the requester",
  REFERRED: "Referred to the customer",
};

/** "GDPR", "CCPA/CPRA", "Law 25": the label without its explanation, for a narrow column. */
export function shortJurisdiction(jurisdiction: Jurisdiction): string {
  return JURISDICTION_LABELS[jurisdiction].replace(/ \(.*\)$/, "");
}
