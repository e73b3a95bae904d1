import { describe, expect, it } from "vitest";
import { diffPolicyMarkdown } from "@/lib/policy/diff";
import { sectionsToMarkdown } from "@/lib/policy/markdown";
import { policyVersions } from "@/prisma/seed-data/policy-versions";

describe("diffPolicyMarkdown", () => {
  it("marks added and removed lines with their line numbers and keeps a little context", () => {
    const from = ["## A", "", "One.", "", "Two.", "", "Three.", "", "Four.", "", "Five.", ""].join("\n");
    const to = ["## A", "", "One.", "", "Two, changed.", "", "Three.", "", "Four.", "", "Five.", "", "Six.", ""].join("\n");
    const { rows, added, removed } = diffPolicyMarkdown(from, to);
    expect({ added, removed }).toEqual({ added: 2, removed: 1 });
    expect(rows).toEqual([
      { kind: "skipped", count: 2 },
      { kind: "same", text: "One.", oldLine: 3, newLine: 3 },
      { kind: "same", text: "", oldLine: 4, newLine: 4 },
      { kind: "removed", text: "Two.", oldLine: 5 },
      { kind: "added", text: "Two, changed.", newLine: 5 },
      { kind: "same", text: "", oldLine: 6, newLine: 6 },
      { kind: "same", text: "Three.", oldLine: 7, newLine: 7 },
      { kind: "skipped", count: 2 },
      { kind: "same", text: "", oldLine: 10, newLine: 10 },
      { kind: "same", text: "Five.", oldLine: 11, newLine: 11 },
      { kind: "added", text: "", newLine: 12 },
      { kind: "added", text: "Six.", newLine: 13 },
    ]);
  });

  it("finds no change between a version and itself", () => {
    const markdown = sectionsToMarkdown(policyVersions[1]!.sections);
    expect(diffPolicyMarkdown(markdown, markdown)).toEqual({ rows: [{ kind: "skipped", count: markdown.split("\n").length - 1 }], added: 0, removed: 0 });
  });

  it("shows the seeded versions' new AI section as added", () => {
    const [earlier, current] = policyVersions;
    const { rows } = diffPolicyMarkdown(sectionsToMarkdown(earlier!.sections), sectionsToMarkdown(current!.sections));
    expect(rows).toContainEqual(expect.objectContaining({ kind: "added", text: "## How our AI features use data {#ai-processing}" }));
    expect(rows).toContainEqual(expect.objectContaining({ kind: "removed", text: "## Children" }));
  });
});
