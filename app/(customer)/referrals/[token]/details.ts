import type { Messages } from "@/lib/i18n/messages";
import { readableKey } from "@/lib/text/readable-key";

// The request's details as the customer reads them, in the page's language: the same lines as
// lib/referrals/details.ts writes in English for staff. What the requester typed stays as typed;
// only the labels and the choices they picked from a list are translated.

export type DetailWords = Messages["referral"]["details"];

export function detailLines(details: unknown, words: DetailWords): { label: string; value: string }[] {
  if (!details || typeof details !== "object") return [];
  const labels: Record<string, string> = words.labels;
  const values: Record<string, Record<string, string>> = words.values;
  return Object.entries(details as Record<string, unknown>)
    .filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1].trim() !== "")
    .map(([key, value]) => {
      const choices = Object.hasOwn(values, key) ? values[key] : undefined;
      return {
        label: (Object.hasOwn(labels, key) ? labels[key] : undefined) ?? readableKey(key),
        value: (choices && Object.hasOwn(choices, value) ? choices[value] : undefined) ?? value,
      };
    });
}
