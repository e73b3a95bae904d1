import { diffLines } from "diff";

// What changed between two versions of the policy, line by line of their Markdown (markdown.ts
// writes one paragraph, list item or table row a line, so a line is a unit a reader recognises).
// jsdiff computes it (Myers' algorithm); long unchanged stretches fold into one "unchanged" row
// so the changes stand out. Pure.

export type DiffRow =
  | { kind: "added"; text: string; newLine: number }
  | { kind: "removed"; text: string; oldLine: number }
  | { kind: "same"; text: string; oldLine: number; newLine: number }
  | { kind: "skipped"; count: number };

export type PolicyDiff = { rows: DiffRow[]; added: number; removed: number };

function splitLines(value: string): string[] {
  const lines = value.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

/** The line diff of `from` to `to`, with unchanged runs longer than twice `context` folded. */
export function diffPolicyMarkdown(from: string, to: string, context = 2): PolicyDiff {
  const all: Exclude<DiffRow, { kind: "skipped" }>[] = [];
  let oldLine = 1;
  let newLine = 1;
  let added = 0;
  let removed = 0;
  for (const change of diffLines(from.endsWith("\n") ? from : `${from}\n`, to.endsWith("\n") ? to : `${to}\n`)) {
    for (const text of splitLines(change.value)) {
      if (change.added) {
        all.push({ kind: "added", text, newLine: newLine++ });
        if (text.trim()) added++;
      } else if (change.removed) {
        all.push({ kind: "removed", text, oldLine: oldLine++ });
        if (text.trim()) removed++;
      } else {
        all.push({ kind: "same", text, oldLine: oldLine++, newLine: newLine++ });
      }
    }
  }

  // Keep `context` unchanged lines either side of each change; fold the rest.
  const keep = all.map((row) => row.kind !== "same");
  all.forEach((row, index) => {
    if (row.kind === "same") return;
    for (let k = Math.max(0, index - context); k <= Math.min(all.length - 1, index + context); k++) keep[k] = true;
  });
  const rows: DiffRow[] = [];
  let skipped = 0;
  all.forEach((row, index) => {
    if (keep[index]) {
      if (skipped) rows.push({ kind: "skipped", count: skipped });
      skipped = 0;
      rows.push(row);
    } else {
      skipped++;
    }
  });
  if (skipped) rows.push({ kind: "skipped", count: skipped });
  return { rows, added, removed };
}
