import type { AnswerMatching } from "@/lib/generated/prisma/enums";

// How an answer is compared with what a mapped system holds. Pure, so every rule is unit-tested.
// Lenient on form (case, accents, spacing, punctuation), strict on substance: "Owner" matches
// "owner ", "2025-03" matches a stored 2025-03-01T09:05:00Z, "#48-213" matches 48213.

/** Letters and digits only, lower-cased, accents dropped: "Müller-Lüdenscheidt " -> "mullerludenscheidt". */
export function foldText(value: string): string {
  return value.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

/** "2025-03" (what a month field sends), or the year and month of an ISO date; null otherwise. */
export function monthOf(value: string): string | null {
  const match = /^(\d{4})-(\d{2})(?:$|-\d{2}(?:$|[T ]))/.exec(value.trim());
  if (!match) return null;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? `${match[1]}-${match[2]}` : null;
}

function digits(value: string): string {
  return value.replace(/\D/g, "");
}

/** Whether an answer matches one stored value under the question's rule. An empty answer matches nothing. */
export function answerMatches(answer: string, stored: unknown, matching: AnswerMatching): boolean {
  if (stored === null || stored === undefined || typeof stored === "object") return false;
  const held = String(stored);
  switch (matching) {
    case "EXACT": {
      const given = foldText(answer);
      return given.length > 0 && given === foldText(held);
    }
    case "SAME_MONTH": {
      const given = monthOf(answer);
      return given !== null && given === monthOf(held);
    }
    case "SAME_DIGITS": {
      const given = digits(answer);
      return given.length > 0 && given === digits(held);
    }
  }
}
