import { formatCalendarDate } from "@/lib/dates/format";
import type { DenialBasis, Jurisdiction, Relationship, RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import { DENIAL_BASIS_LABELS, JURISDICTION_LABELS, RELATIONSHIP_LABELS, REQUEST_STATUS_LABELS, REQUEST_TYPE_LABELS } from "@/lib/requests/labels";
import { describeDetails } from "@/lib/referrals/details";
import { readableKey } from "@/lib/text/readable-key";

// Stored facts in words for staff (issue 13, point 1): what a requester asked ("What they asked",
// the request's details, worded as the customer's referral page words them) and what an audit
// event carries when its wording has no sentence of its own. Never raw keys or JSON: known keys
// get a label and the value's label, unknown ones a readable name; nested objects are left to the
// record export. Pure.

const VALUE_LABELS: Record<string, Record<string, string>> = {
  type: REQUEST_TYPE_LABELS as Record<RequestType, string>,
  jurisdiction: JURISDICTION_LABELS as Record<Jurisdiction, string>,
  relationship: RELATIONSHIP_LABELS as Record<Relationship, string>,
  status: REQUEST_STATUS_LABELS as Record<RequestStatus, string>,
  basis: DENIAL_BASIS_LABELS as Record<DenialBasis, string>,
};

const EVENT_KEYS: Record<string, string> = {
  type: "Type",
  jurisdiction: "Law",
  relationship: "How they know us",
  status: "Status",
  dueDate: "Due",
  newDueDate: "New due date",
  reason: "Reason",
  basis: "Basis",
  count: "Count",
  reference: "Reference",
};

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function valueWords(key: string, value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return VALUE_LABELS[key]?.[value] ?? (ISO_DAY.test(value) ? formatCalendarDate(value, "medium") : value);
  if (Array.isArray(value)) {
    const items = value.map((v) => valueWords(key, v)).filter((v): v is string => v !== null);
    return items.length ? items.join(", ") : null;
  }
  return null;
}

/** The request's details as the officer reads them: what was asked, then the answer in words. */
export function detailFacts(details: unknown): [string, string][] {
  return describeDetails(details).map(({ label, value }) => [label, value]);
}

/** An event's data in one line ("Type: Access my data · Law: GDPR (European Economic Area)"), or null with nothing to say. */
export function eventDataWords(data: unknown): string | null {
  if (!data || typeof data !== "object") return null;
  const parts = Object.entries(data as Record<string, unknown>).flatMap(([key, value]) => {
    // Ids are for the record export, not for reading.
    if (/(^id$|Id$|Ids$)/.test(key)) return [];
    const words = valueWords(key, value);
    return words === null ? [] : [`${EVENT_KEYS[key] ?? readableKey(key)}: ${words}`];
  });
  return parts.length ? parts.join(" · ") : null;
}
