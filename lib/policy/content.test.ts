import { describe, expect, it } from "vitest";
import { RIGHTS_SECTION_ID, parsePolicySections, type PolicySection } from "@/lib/policy/content";
import { fillPolicySections } from "@/lib/policy/render";
import { organization } from "@/prisma/seed-data/organization";
import { policyVersions } from "@/prisma/seed-data/policy-versions";

const valid: PolicySection[] = [
  {
    id: "retention",
    heading: "Retention",
    blocks: [
      { kind: "p", text: "We keep things." },
      { kind: "ul", items: ["One", "Two"] },
      { kind: "table", caption: "Periods", head: ["Data", "Period"], rows: [["Logs", "12 months"]] },
    ],
  },
];

describe("parsePolicySections", () => {
  it("accepts well-formed content", () => {
    expect(parsePolicySections(valid)).toEqual(valid);
  });

  it.each([
    ["an empty policy", []],
    ["a section id that is not a slug", [{ ...valid[0], id: "Your Rights" }]],
    ["a section without blocks", [{ ...valid[0], blocks: [] }]],
    ["an unknown block kind", [{ ...valid[0], blocks: [{ kind: "html", text: "<b>x</b>" }] }]],
    ["an empty list", [{ ...valid[0], blocks: [{ kind: "ul", items: [] }] }]],
    [
      "a table row with a missing cell",
      [{ ...valid[0], blocks: [{ kind: "table", caption: "c", head: ["A", "B"], rows: [["only one"]] }] }],
    ],
    ["two sections with the same id", [valid[0], valid[0]]],
  ])("rejects %s", (_name, json) => {
    expect(() => parsePolicySections(json)).toThrow();
  });
});

describe("seeded policy versions", () => {
  it.each(policyVersions.map((v) => [v.version, v] as const))("%s parses and fills every placeholder", (_version, policy) => {
    const sections = parsePolicySections(policy.sections);
    const filled = JSON.stringify(fillPolicySections(sections, organization));
    expect(filled).not.toMatch(/\{\{|\}\}/);
  });

  it("has a rights section in every version, so the request link has a home", () => {
    for (const policy of policyVersions) {
      expect(policy.sections.map((s) => s.id)).toContain(RIGHTS_SECTION_ID);
    }
  });

  it("makes the current version differ visibly from the earlier one", () => {
    const [earlier, current] = policyVersions;
    expect(current?.sections.map((s) => s.id)).toContain("ai-processing");
    expect(earlier?.sections.map((s) => s.id)).not.toContain("ai-processing");
  });
});
