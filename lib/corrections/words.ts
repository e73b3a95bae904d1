// The words of a correction's summary (lib/corrections/summary.ts), for the status page and emails. Pure.

export type CorrectionSummary = {
  /** What the portal corrected itself, per system and collection, with the fields and the rows changed. */
  corrected: { system: string; what: string; records: number }[];
  /** Systems whose owners were asked to correct by hand. */
  byHand: string[];
};

/** The summary as sentences (status page, timeline). */
export function correctionSentences(summary: CorrectionSummary): string[] {
  const out: string[] = [];
  if (summary.corrected.length) {
    out.push(`We corrected: ${summary.corrected.map((c) => `${c.what} (${c.records} ${c.records === 1 ? "record" : "records"}, ${c.system})`).join("; ")}.`);
  }
  if (summary.byHand.length) out.push(`We asked the people who run these systems to correct them too: ${summary.byHand.join(", ")}.`);
  return out;
}
