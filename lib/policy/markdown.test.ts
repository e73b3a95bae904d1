import { describe, expect, it } from "vitest";
import { parsePolicyMarkdown, sectionsToMarkdown, slugify, type MarkdownResult } from "@/lib/policy/markdown";
import { OPERATORS } from "@/prisma/seed-data/operators/all";

function sectionsOf(result: MarkdownResult) {
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join("\n"));
  return result.sections;
}

function problemsOf(markdown: string) {
  const result = parsePolicyMarkdown(markdown);
  if (result.ok) throw new Error("parsed, but should have been refused");
  return result.problems;
}

describe("parsePolicyMarkdown", () => {
  it("reads a section with its anchor, paragraphs joined across lines, a list and a captioned table", () => {
    const markdown = [
      "## How long we keep information {#retention}",
      "",
      "We keep information",
      "only as long as we need it.",
      "",
      "- Account details",
      "- Support mail, 3 years",
      "",
      "Table: Retention periods",
      "| Information | Period |",
      "| :--- | ---: |",
      "| Logs | 12 months |",
      "| Pipes \\| inside | kept |",
      "",
      "## Your rights",
      "",
      "Write to {{privacyEmail}} or privacy@jexi.example, or visit https://jexi.example.",
    ].join("\n");
    expect(sectionsOf(parsePolicyMarkdown(markdown))).toEqual([
      {
        id: "retention",
        heading: "How long we keep information",
        blocks: [
          { kind: "p", text: "We keep information only as long as we need it." },
          { kind: "ul", items: ["Account details", "Support mail, 3 years"] },
          { kind: "table", caption: "Retention periods", head: ["Information", "Period"], rows: [["Logs", "12 months"], ["Pipes | inside", "kept"]] },
        ],
      },
      { id: "your-rights", heading: "Your rights", blocks: [{ kind: "p", text: "Write to {{privacyEmail}} or privacy@jexi.example, or visit https://jexi.example." }] },
    ]);
  });

  it("derives an anchor from the heading when none is given, accents and punctuation dropped", () => {
    expect(slugify("Données & “AI” use, 2026")).toBe("donnees-ai-use-2026");
    expect(sectionsOf(parsePolicyMarkdown("## Who we are & why\n\nText."))[0]!.id).toBe("who-we-are-why");
  });

  it("takes “*” and “+” bullets as well", () => {
    expect(sectionsOf(parsePolicyMarkdown("## A\n\n* One\n* Two\n\nText.\n\n+ Three"))[0]!.blocks).toEqual([
      { kind: "ul", items: ["One", "Two"] },
      { kind: "p", text: "Text." },
      { kind: "ul", items: ["Three"] },
    ]);
  });

  it("keeps Windows line endings from shifting anything", () => {
    expect(sectionsOf(parsePolicyMarkdown("## A\r\n\r\nOne\r\ntwo\r\n"))).toEqual([{ id: "a", heading: "A", blocks: [{ kind: "p", text: "One two" }] }]);
  });

  it.each([
    ["text before the first heading", "Intro\n\n## A\n\nText.", 1, "Start with a section heading"],
    ["a level-1 heading", "# Policy\n\n## A\n\nText.", 1, "Only “## ” headings are supported, one per section; this is “#”"],
    ["a level-3 heading", "## A\n\nText.\n\n### Sub\n\nMore.", 5, "this is “###”"],
    ["an underlined heading", "## A\n\nTitle\n---\n", 3, "this is an underlined heading"],
    ["a section without text", "## A\n\n## B\n\nText.", 1, "The section “A” has no text"],
    ["two sections with one anchor", "## A\n\nOne.\n\n## Other {#a}\n\nTwo.", 5, "Another section (line 1) already has the anchor “a”"],
    ["an invalid anchor", "## A {#Your Rights}\n\nText.", 1, "“{#Your Rights}” is not a valid anchor"],
    ["a numbered list", "## A\n\n1. One\n2. Two", 3, "Numbered lists are not supported"],
    ["a nested list", "## A\n\n- One\n  - Inner", 3, "Nested lists are not supported"],
    ["a checkbox", "## A\n\n- [ ] Do it", 3, "Checkboxes are not supported"],
    ["a table without caption", "## A\n\n| X | Y |\n|---|---|\n| 1 | 2 |", 3, "Give this table a caption"],
    ["a caption without table", "## A\n\nTable: Periods\n\nText.", 3, "no table follows"],
    ["a table column without heading", "## A\n\nTable: T\n|  | Y |\n|---|---|\n| 1 | 2 |", 4, "Every column of this table needs a heading"],
    ["a code block", "## A\n\nText.\n\n```\ncode\n```", 5, "Code blocks are not supported"],
    ["an indented code block", "## A\n\nText.\n\n    code", 5, "Code blocks are not supported"],
    ["HTML", "## A\n\n<div>Hi</div>", 3, "HTML is not supported"],
    ["inline HTML", "## A\n\nSome <b>bold</b> text.", 3, "HTML is not supported"],
    ["an image", "## A\n\nLook:\n![logo](logo.png)", 4, "An image is not supported"],
    ["a quote", "## A\n\n> Quoted", 3, "Quotes (lines starting with >) are not supported"],
    ["a horizontal rule", "## A\n\nText.\n\n***", 5, "Horizontal rules (---) are not supported"],
    ["italic text", "## A\n\nFirst line\nan *important* word", 4, "Italic text (*text* or _text_) is not supported"],
    ["bold text in a list item", "## A\n\n- One\n- **Two**", 4, "Bold text (**text**) is not supported"],
    ["inline code in a table cell", "## A\n\nTable: T\n| X | Y |\n|---|---|\n| 1 | 2 |\n| `3` | 4 |", 7, "Inline code (`text`) is not supported"],
    ["a written link", "## A\n\nSee [our site](https://jexi.example).", 3, "Links are not supported"],
    ["an empty policy", "  \n\n", 1, "The policy is empty"],
  ])("refuses %s, naming its line", (_name, markdown, line, message) => {
    const problems = problemsOf(markdown);
    expect(problems[0]).toEqual({ line, message: expect.stringContaining(message) });
    expect(problems[0]!.message).toMatch(new RegExp(`^Line ${line}: `));
  });

  it("lists every problem at once, each on its line", () => {
    expect(problemsOf("## A\n\n*one*\n\n### B\n\n1. x").map((p) => p.line)).toEqual([3, 5, 7]);
  });

  it("keeps [PLACEHOLDERS] as text: they are not links", () => {
    expect(sectionsOf(parsePolicyMarkdown("## A\n\nWrite to [PRIVACY EMAIL] at [LEGAL ENTITY NAME]."))[0]!.blocks).toEqual([
      { kind: "p", text: "Write to [PRIVACY EMAIL] at [LEGAL ENTITY NAME]." },
    ]);
  });
});

describe("sectionsToMarkdown", () => {
  // Every demo operator's, Jexi's included.
  const seeded = OPERATORS.flatMap((o) => o.policyVersions.map((v) => [o.key, v] as const));
  it.each(seeded.map(([operator, v]) => [`${operator} ${v.version}`, v] as const))("round-trips seeded version %s exactly", (_version, policy) => {
    const markdown = sectionsToMarkdown(policy.sections);
    expect(sectionsOf(parsePolicyMarkdown(markdown))).toEqual(policy.sections);
  });

  it("writes an anchor only where the heading would not give it, and escapes pipes in table cells", () => {
    const markdown = sectionsToMarkdown([
      { id: "your-rights", heading: "Your rights", blocks: [{ kind: "p", text: "Ask." }] },
      { id: "retention", heading: "How long we keep it", blocks: [{ kind: "table", caption: "Periods", head: ["A | B", "C"], rows: [["1", ""]] }] },
    ]);
    expect(markdown).toBe("## Your rights\n\nAsk.\n\n## How long we keep it {#retention}\n\nTable: Periods\n| A \\| B | C |\n| --- | --- |\n| 1 |  |\n");
    expect(sectionsOf(parsePolicyMarkdown(markdown))[1]!.blocks[0]).toEqual({ kind: "table", caption: "Periods", head: ["A | B", "C"], rows: [["1", ""]] });
  });
});
