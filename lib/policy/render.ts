import { FORMAT_LOCALES, type Locale } from "@/lib/i18n/locales";
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

/** The words for a detail the operator has none of, in the language of the text they fill. */
export type UnsetWords = { notAppointed: string; notRegistered: string };

const ENGLISH_UNSET: UnsetWords = { notAppointed: "not appointed", notRegistered: "not registered" };

function present(value: string | null): string | null {
  return value?.trim() ? value.trim() : null;
}

function placeholderValues(org: OrganizationDetails, unset: UnsetWords): Record<PlaceholderName, string> {
  return {
    legalName: org.legalName,
    productName: org.productName,
    privacyEmail: org.privacyEmail,
    supportEmail: org.supportEmail,
    dpoName: present(org.dpoName) ?? unset.notAppointed,
    // Without a DPO, the privacy team answers the questions a DPO would.
    dpoEmail: present(org.dpoEmail) ?? org.privacyEmail,
    euRepresentative: present(org.euRepresentative) ?? unset.notAppointed,
    ukRepresentative: present(org.ukRepresentative) ?? unset.notAppointed,
    registeredAddress: org.registeredAddress,
    companyNumber: present(org.companyNumber) ?? unset.notRegistered,
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
export function fillPlaceholders(text: string, org: OrganizationDetails, unset: UnsetWords = ENGLISH_UNSET): string {
  return filler(org, unset)(text);
}

/** The fill for many texts: the organization's values worked out once. */
function filler(org: OrganizationDetails, unset: UnsetWords): (text: string) => string {
  const values = placeholderValues(org, unset);
  return (text) => text.replace(PLACEHOLDER, (match, name: string) => (isPlaceholderName(name) ? values[name] : match));
}

/** Every text of the policy with its placeholders filled, ready to render as plain text. */
export function fillPolicySections(sections: PolicySection[], org: OrganizationDetails, unset: UnsetWords = ENGLISH_UNSET): PolicySection[] {
  return mapSectionTexts(sections, filler(org, unset));
}

export type TocEntry = { id: string; heading: string; href: string };

export function tableOfContents(sections: PolicySection[]): TocEntry[] {
  return sections.map(({ id, heading }) => ({ id, heading, href: `#${id}` }));
}

// Policy dates are calendar dates stored at UTC midnight: formatting them in any other zone
// would show the day before for readers west of Greenwich. English policy pages have always
// written them the American way ("May 21, 2026"); the other languages as their readers do.
const longDates = new Map<Locale, Intl.DateTimeFormat>();

/** "May 21, 2026"; in German "21. Mai 2026". */
export function formatPolicyDate(date: Date, locale: Locale = "en"): string {
  let format = longDates.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === "en" ? "en-US" : FORMAT_LOCALES[locale], { dateStyle: "long", timeZone: "UTC" });
    longDates.set(locale, format);
  }
  return format.format(date);
}

/** "2026-05-21", for `<time dateTime>` and version URLs. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
