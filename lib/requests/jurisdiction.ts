import type { Jurisdiction } from "@/lib/generated/prisma/enums";
import { EEA_COUNTRIES } from "@/lib/requests/regions";

/**
 * Territories with their own ISO code where EU law, and so the GDPR, applies in full: the
 * outermost regions of TFEU Art. 349 (Guadeloupe, French Guiana, Martinique, Réunion, Mayotte,
 * Saint-Martin) and the Åland Islands (Art. 355(4), part of Finland). Without them a resident of
 * Réunion would get the portal's global standard instead of the GDPR. Overseas countries and
 * territories (BL, PM, NC, PF, WF, TF), Greenland and the Faroe Islands are outside the EU.
 */
export const EU_TERRITORIES_WITH_OWN_CODE = ["GP", "GF", "MQ", "RE", "YT", "MF", "AX"] as const;

/**
 * States whose comprehensive consumer privacy law grants access, deletion, correction and opt-out
 * rights with a 45-day answer and an appeal. Review it when a new state law takes effect.
 * Florida's law reaches only a handful of very large companies, so it is left out.
 */
export const US_PRIVACY_LAW_STATES = [
  "VA", "CO", "CT", "UT", "TX", "OR", "MT", "IA", "DE", "NH", "NJ", "TN", "MN", "MD", "IN", "KY",
  "RI", "NE",
] as const;

const GDPR_AREA: ReadonlySet<string> = new Set([...EEA_COUNTRIES, ...EU_TERRITORIES_WITH_OWN_CODE]);
const US_STATE_LAW: ReadonlySet<string> = new Set(US_PRIVACY_LAW_STATES);

/**
 * The law whose rules govern a request from someone in `country` (ISO 3166-1 alpha-2) and, for the
 * US and Canada, `region` ("CA" or "US-CA"). Case-insensitive.
 */
export function jurisdictionFor(country: string, region?: string | null): Jurisdiction {
  const c = country.trim().toUpperCase();
  const r = normalizeRegion(c, region);

  if (GDPR_AREA.has(c)) return "GDPR";
  // Guernsey, Jersey and the Isle of Man are Crown Dependencies, not part of the UK: each has
  // its own data protection law (and regulator), so UK GDPR does not govern their residents.
  if (c === "GB") return "UK_GDPR";
  if (c === "BR") return "LGPD";
  if (c === "SG") return "PDPA_SG";
  if (c === "US") {
    if (r === "CA") return "CCPA";
    if (r !== null && US_STATE_LAW.has(r)) return "US_STATE";
    return "OTHER";
  }
  if (c === "CA" && r === "QC") return "QUEBEC";
  return "OTHER";
}

/** "us-ca", "CA" and " ca " all become "CA"; blank becomes null. */
function normalizeRegion(country: string, region: string | null | undefined): string | null {
  if (!region) return null;
  let r = region.trim().toUpperCase();
  if (r.startsWith(`${country}-`)) r = r.slice(country.length + 1);
  return r === "" ? null : r;
}
