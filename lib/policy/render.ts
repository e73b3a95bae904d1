import { mapSectionTexts } from "@/lib/policy/section-texts";
import type { OrganizationDetails } from "@/lib/organization/types";
import type { PolicySection } from "@/lib/policy/content";

export const PLACEHOLDER_NAMES = [
  "legalName",
  "productName",
  "privacyEmail",
  "supportEmail",
  "dpoName",
  "dpoEmail",
  "euRepresentative",
  "ukRepresentative",
  "registeredAddress",
  "companyNumber",
  "websiteUrl",
] as const;

export type PlaceholderName = (typeof PLACEHOLDER_NAMES)[number];

const NOT_APPOINTED = "not appointed";

function present(value: string | null): string | null {
  return value?.trim() ? value.trim() : null;
}

function placeholderValues(org: OrganizationDetails): Record<PlaceholderName, string> {
  return {
    legalName: org.legalName,
    productName: org.productName,
    privacyEmail: org.privacyEmail,
    supportEmail: org.supportEmail,
    dpoName: present(org.dpoName) ?? NOT_APPOINTED,
    // Without a DPO, the privacy team answers the questions a DPO would.
    dpoEmail: present(org.dpoEmail) ?? org.privacyEmail,
    euRepresentative: present(org.euRepresentative) ?? NOT_APPOINTED,
    ukRepresentative: present(org.ukRepresentative) ?? NOT_APPOINTED,
    registeredAddress: org.registeredAddress,
    companyNumber: present(org.companyNumber) ?? "not registered",
    websiteUrl: org.websiteUrl,
  };
}

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

function isPlaceholderName(name: string): name is PlaceholderName {
  return (PLACEHOLDER_NAMES as readonly string[]).includes(name);
}

/**
 * Replaces `{{name}}` with the organization's details. An unknown name is left as written, so a
 * typo shows on the page instead of silently vanishing.
 */
export function fillPlaceholders(text: string, org: OrganizationDetails): string {
  return filler(org)(text);
}

/** The fill for many texts: the organization's values worked out once. */
function filler(org: OrganizationDetails): (text: string) => string {
  const values = placeholderValues(org);
  return (text) => text.replace(PLACEHOLDER, (match, name: string) => (isPlaceholderName(name) ? values[name] : match));
}

/** Every text of the policy with its placeholders filled, ready to render as plain text. */
export function fillPolicySections(sections: PolicySection[], org: OrganizationDetails): PolicySection[] {
  return mapSectionTexts(sections, filler(org));
}

export type TocEntry = { id: string; heading: string; href: string };

export function tableOfContents(sections: PolicySection[]): TocEntry[] {
  return sections.map(({ id, heading }) => ({ id, heading, href: `#${id}` }));
}

// Policy dates are calendar dates stored at UTC midnight: formatting them in any other zone
// would show the day before for readers west of Greenwich.
const longDate = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

/** "May 21, 2026" */
export function formatPolicyDate(date: Date): string {
  return longDate.format(date);
}

/** "2026-05-21", for `<time dateTime>` and version URLs. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
