import { OBJECTION_PROCESSING_LABELS, RESTRICTION_GROUND_LABELS } from "@/lib/requests/schema";
import { readableKey } from "@/lib/text/readable-key";

// The request's details as a customer reads them in a referral, and as staff read them on the
// request page ("What they asked"): labelled lines, not JSON keys.

const LABELS: Record<string, string> = {
  topics: "What the requester wants to know",
  scope: "What should be deleted",
  specifics: "The data concerned",
  format: "File format",
  processing: "Processing objected to",
  reason: "Reason",
  whatIsWrong: "What is wrong",
  correctValue: "What it should say",
  activity: "Use of data to restrict",
  ground: "Ground for restriction",
  consent: "Consent withdrawn",
};

const VALUES: Record<string, Record<string, string>> = {
  scope: { ALL: "Everything about the requester", SPECIFIC: "Only the data described" },
  format: { JSON: "JSON (for importing into another service)", CSV: "CSV (for spreadsheets)" },
  processing: OBJECTION_PROCESSING_LABELS,
  ground: RESTRICTION_GROUND_LABELS,
};

export function describeDetails(details: unknown): { label: string; value: string }[] {
  if (!details || typeof details !== "object") return [];
  return Object.entries(details as Record<string, unknown>)
    .filter(([, value]) => typeof value === "string" && value.trim() !== "")
    .map(([key, value]) => ({ label: LABELS[key] ?? readableKey(key), value: VALUES[key]?.[value as string] ?? (value as string) }));
}
