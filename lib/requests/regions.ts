// Country and region lists for the request form and for routing a request to its law.
// Codes only: display names come from the runtime's Intl data, so they follow the visitor's locale.

export type Option = { value: string; label: string };

/** ISO 3166-1 alpha-2, all 249 officially assigned codes. */
export const COUNTRIES = [
  "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
  "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
  "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
  "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
  "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
  "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
  "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
  "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
  "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
  "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
  "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
  "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
  "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
  "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
  "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
  "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
] as const;

export type CountryCode = (typeof COUNTRIES)[number];

const COUNTRY_SET: ReadonlySet<string> = new Set(COUNTRIES);

export function isCountryCode(value: string): value is CountryCode {
  return COUNTRY_SET.has(value);
}

/** The 27 EU member states plus Iceland, Liechtenstein and Norway (GR, not the EU's "EL"). */
export const EEA_COUNTRIES = [
  "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
  "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
  "IS", "LI", "NO",
] as const satisfies readonly CountryCode[];

// Built lazily and kept per locale: constructing Intl.DisplayNames is not free, and the form
// renders 249 names at once.
const displayNames = new Map<string, Intl.DisplayNames>();

/**
 * The country's name in `locale`, from the runtime's Intl data. Falls back to the code itself.
 * Server and browser may ship different ICU versions, so a label rendered on both sides can
 * differ slightly; compute the options on one side when that matters.
 */
export function countryName(code: string, locale = "en"): string {
  const upper = code.trim().toUpperCase();
  try {
    let names = displayNames.get(locale);
    if (!names) {
      names = new Intl.DisplayNames([locale], { type: "region", fallback: "code" });
      displayNames.set(locale, names);
    }
    return names.of(upper) ?? upper;
  } catch {
    // A malformed code or an unknown locale tag: show what we were given rather than fail a page.
    return upper;
  }
}

/** Every country as a select option, sorted by its name in `locale`. */
export function countryOptions(locale = "en"): Option[] {
  const collator = new Intl.Collator(locale);
  return COUNTRIES.map((code) => ({ value: code, label: countryName(code, locale) })).sort((a, b) =>
    collator.compare(a.label, b.label),
  );
}

// The form's schema checks a region against its country's codes; the names only label the form's
// options, which the server renders. Codes and names live apart so the browser gets codes only.

/** The 50 states, the District of Columbia and Puerto Rico, in name order. */
export const US_STATE_CODES = [
  "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
  "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM",
  "NY", "NC", "ND", "OH", "OK", "OR", "PA", "PR", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA",
  "WA", "WV", "WI", "WY",
] as const;

/** The 10 provinces and 3 territories, in name order. */
export const CANADIAN_PROVINCE_CODES = [
  "AB", "BC", "MB", "NB", "NL", "NT", "NS", "NU", "ON", "PE", "QC", "SK", "YT",
] as const;

const US_STATE_NAMES: Record<(typeof US_STATE_CODES)[number], string> = {
  AL: "Alabama",
  AK: "Alaska",
  AZ: "Arizona",
  AR: "Arkansas",
  CA: "California",
  CO: "Colorado",
  CT: "Connecticut",
  DE: "Delaware",
  DC: "District of Columbia",
  FL: "Florida",
  GA: "Georgia",
  HI: "Hawaii",
  ID: "Idaho",
  IL: "Illinois",
  IN: "Indiana",
  IA: "Iowa",
  KS: "Kansas",
  KY: "Kentucky",
  LA: "Louisiana",
  ME: "Maine",
  MD: "Maryland",
  MA: "Massachusetts",
  MI: "Michigan",
  MN: "Minnesota",
  MS: "Mississippi",
  MO: "Missouri",
  MT: "Montana",
  NE: "Nebraska",
  NV: "Nevada",
  NH: "New Hampshire",
  NJ: "New Jersey",
  NM: "New Mexico",
  NY: "New York",
  NC: "North Carolina",
  ND: "North Dakota",
  OH: "Ohio",
  OK: "Oklahoma",
  OR: "Oregon",
  PA: "Pennsylvania",
  PR: "Puerto Rico",
  RI: "Rhode Island",
  SC: "South Carolina",
  SD: "South Dakota",
  TN: "Tennessee",
  TX: "Texas",
  UT: "Utah",
  VT: "Vermont",
  VA: "Virginia",
  WA: "Washington",
  WV: "West Virginia",
  WI: "Wisconsin",
  WY: "Wyoming",
};

const CANADIAN_PROVINCE_NAMES: Record<(typeof CANADIAN_PROVINCE_CODES)[number], string> = {
  AB: "Alberta",
  BC: "British Columbia",
  MB: "Manitoba",
  NB: "New Brunswick",
  NL: "Newfoundland and Labrador",
  NT: "Northwest Territories",
  NS: "Nova Scotia",
  NU: "Nunavut",
  ON: "Ontario",
  PE: "Prince Edward Island",
  QC: "Quebec",
  SK: "Saskatchewan",
  YT: "Yukon",
};

/**
 * The state or province codes of a country whose law depends on them (US, CA); null for any
 * other. A region belongs to its country: "CA" is California only in the US.
 */
export function regionCodesOf(country: string): readonly string[] | null {
  return country === "US" ? US_STATE_CODES : country === "CA" ? CANADIAN_PROVINCE_CODES : null;
}

// Canada's official French names. US states have no official translations, so every language
// keeps their English names, and Canada's English ones outside French.
const CANADIAN_PROVINCE_NAMES_FR: Record<(typeof CANADIAN_PROVINCE_CODES)[number], string> = {
  AB: "Alberta",
  BC: "Colombie-Britannique",
  MB: "Manitoba",
  NB: "Nouveau-Brunswick",
  NL: "Terre-Neuve-et-Labrador",
  NT: "Territoires du Nord-Ouest",
  NS: "Nouvelle-Écosse",
  NU: "Nunavut",
  ON: "Ontario",
  PE: "Île-du-Prince-Édouard",
  QC: "Québec",
  SK: "Saskatchewan",
  YT: "Yukon",
};

/**
 * State or province options for the countries whose law depends on them (US, CA); else none. In
 * name order for `locale` (a language tag: "fr-FR" gives Canada's French names).
 */
export function regionOptions(country: string, locale = "en"): Option[] {
  const code = country.trim().toUpperCase();
  const french = locale.toLowerCase().startsWith("fr");
  const names: Readonly<Record<string, string>> | null =
    code === "US" ? US_STATE_NAMES : code === "CA" ? (french ? CANADIAN_PROVINCE_NAMES_FR : CANADIAN_PROVINCE_NAMES) : null;
  if (!names) return [];
  const options = regionCodesOf(code)!.map((value) => ({ value, label: names[value]! }));
  // The code lists are in English name order already.
  if (!french || code !== "CA") return options;
  const collator = new Intl.Collator(locale);
  return options.sort((a, b) => collator.compare(a.label, b.label));
}
