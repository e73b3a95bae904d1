// The words of an erasure's summary (lib/erasure/summary.ts), for the status page and emails. Pure.

export type ErasureSummary = {
  erased: { system: string; what: string; records: number }[];
  kept: { system: string; what: string; reason: string }[];
};

/** The summary as sentences (status page, timeline). */
export function erasureSentences(summary: ErasureSummary): string[] {
  const out: string[] = [];
  if (summary.erased.length) out.push(`We erased: ${summary.erased.map((e) => `${e.what} (${e.records} ${e.records === 1 ? "record" : "records"}, ${e.system})`).join("; ")}.`);
  if (summary.kept.length) out.push(`We kept: ${summary.kept.map((k) => `${k.what} (${k.system}), because: ${k.reason}`).join("; ")}`);
  return out;
}
