import { describe, expect, it } from "vitest";
import type { OrganizationDetails } from "@/lib/organization/types";
import type { PolicySection } from "@/lib/policy/content";
import {
  PLACEHOLDER_NAMES,
  fillPlaceholders,
  fillPolicySections,
  formatPolicyDate,
  isoDate,
  tableOfContents,
} from "@/lib/policy/render";

const org: OrganizationDetails = {
  legalName: "Example Ltd",
  productName: "Helper",
  websiteUrl: "https://helper.example",
  privacyEmail: "privacy@helper.example",
  supportEmail: "support@helper.example",
  dpoName: "Dana Officer",
  dpoEmail: "dpo@helper.example",
  euRepresentative: "EU Rep B.V., Amsterdam",
  ukRepresentative: "UK Rep Ltd, London",
  registeredAddress: "1 Test Road, Testville",
  companyNumber: null,
  timeZone: "UTC",
};

const withoutOptional: OrganizationDetails = {
  ...org,
  dpoName: null,
  dpoEmail: null,
  euRepresentative: null,
  ukRepresentative: "  ",
};

describe("fillPlaceholders", () => {
  it("replaces every known placeholder with the organization's value", () => {
    const text = PLACEHOLDER_NAMES.map((name) => `${name}={{${name}}}`).join("; ");
    expect(fillPlaceholders(text, org)).toBe(
      [
        "legalName=Example Ltd",
        "productName=Helper",
        "privacyEmail=privacy@helper.example",
        "supportEmail=support@helper.example",
        "dpoName=Dana Officer",
        "dpoEmail=dpo@helper.example",
        "euRepresentative=EU Rep B.V., Amsterdam",
        "ukRepresentative=UK Rep Ltd, London",
        "registeredAddress=1 Test Road, Testville",
        "companyNumber=not registered",
        "websiteUrl=https://helper.example",
      ].join("; "),
    );
  });

  it("replaces repeated placeholders and tolerates spaces inside the braces", () => {
    expect(fillPlaceholders("{{productName}} by {{ legalName }}, {{productName}}", org)).toBe(
      "Helper by Example Ltd, Helper",
    );
  });

  it("says 'not appointed' for missing or blank optional roles", () => {
    expect(fillPlaceholders("DPO: {{dpoName}}. EU: {{euRepresentative}}. UK: {{ukRepresentative}}.", withoutOptional)).toBe(
      "DPO: not appointed. EU: not appointed. UK: not appointed.",
    );
  });

  it("sends DPO mail to the privacy team when no DPO email is set", () => {
    expect(fillPlaceholders("Write to {{dpoEmail}}", withoutOptional)).toBe("Write to privacy@helper.example");
  });

  it("leaves unknown placeholders visible instead of dropping them", () => {
    expect(fillPlaceholders("Call {{phoneNumber}} or {{privacyEmail}}", org)).toBe(
      "Call {{phoneNumber}} or privacy@helper.example",
    );
  });

  it("treats the organization's values as text, not as replacement patterns", () => {
    const tricky = { ...org, legalName: "Dollar $& Co $1" };
    expect(fillPlaceholders("{{legalName}}", tricky)).toBe("Dollar $& Co $1");
  });
});

const sections: PolicySection[] = [
  {
    id: "who-we-are",
    heading: "About {{productName}}",
    blocks: [
      { kind: "p", text: "{{legalName}} runs {{productName}}." },
      { kind: "ul", items: ["Email {{privacyEmail}}", "Plain item"] },
    ],
  },
  {
    id: "retention",
    heading: "Retention",
    blocks: [
      {
        kind: "table",
        caption: "What {{legalName}} keeps",
        head: ["Information", "Period at {{productName}}"],
        rows: [["Logs at {{websiteUrl}}", "12 months"]],
      },
    ],
  },
];

describe("fillPolicySections", () => {
  it("fills headings, paragraphs, list items and every part of a table", () => {
    expect(fillPolicySections(sections, org)).toEqual([
      {
        id: "who-we-are",
        heading: "About Helper",
        blocks: [
          { kind: "p", text: "Example Ltd runs Helper." },
          { kind: "ul", items: ["Email privacy@helper.example", "Plain item"] },
        ],
      },
      {
        id: "retention",
        heading: "Retention",
        blocks: [
          {
            kind: "table",
            caption: "What Example Ltd keeps",
            head: ["Information", "Period at Helper"],
            rows: [["Logs at https://helper.example", "12 months"]],
          },
        ],
      },
    ]);
  });

  it("does not change the sections it was given", () => {
    const before = structuredClone(sections);
    fillPolicySections(sections, org);
    expect(sections).toEqual(before);
  });
});

describe("tableOfContents", () => {
  it("lists every section in order with an anchor to its heading", () => {
    expect(tableOfContents(fillPolicySections(sections, org))).toEqual([
      { id: "who-we-are", heading: "About Helper", href: "#who-we-are" },
      { id: "retention", heading: "Retention", href: "#retention" },
    ]);
  });
});

describe("policy dates", () => {
  const date = new Date("2026-05-21T00:00:00.000Z");

  it("formats a calendar date the same in every time zone", () => {
    expect(formatPolicyDate(date)).toBe("May 21, 2026");
    expect(formatPolicyDate(new Date("2026-01-01T00:00:00.000Z"))).toBe("January 1, 2026");
  });

  it("gives the ISO day for machine-readable dates", () => {
    expect(isoDate(date)).toBe("2026-05-21");
  });
});
