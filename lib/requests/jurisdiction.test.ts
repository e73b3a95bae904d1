import { describe, expect, it } from "vitest";
import { jurisdictionFor } from "@/lib/requests/jurisdiction";
import {
  CANADIAN_PROVINCE_CODES,
  COUNTRIES,
  EEA_COUNTRIES,
  countryName,
  countryOptions,
  isCountryCode,
  regionCodesOf,
  regionOptions,
  US_STATE_CODES,
} from "@/lib/requests/regions";

describe("jurisdictionFor", () => {
  it("sends every EEA country, including Iceland, Liechtenstein and Norway, to the GDPR", () => {
    for (const code of EEA_COUNTRIES) expect(jurisdictionFor(code), code).toBe("GDPR");
    expect(jurisdictionFor("NO")).toBe("GDPR");
    expect(jurisdictionFor("GR")).toBe("GDPR");
  });

  it("sends EU territories with their own ISO code (Réunion, Åland) to the GDPR", () => {
    expect(jurisdictionFor("RE")).toBe("GDPR");
    expect(jurisdictionFor("AX")).toBe("GDPR");
  });

  it("keeps European countries outside the EEA out of the GDPR", () => {
    expect(jurisdictionFor("CH")).toBe("OTHER");
    expect(jurisdictionFor("GL")).toBe("OTHER");
  });

  it("gives the UK the UK GDPR but not the Crown Dependencies", () => {
    expect(jurisdictionFor("GB")).toBe("UK_GDPR");
    expect(jurisdictionFor("JE")).toBe("OTHER");
    expect(jurisdictionFor("GG")).toBe("OTHER");
    expect(jurisdictionFor("IM")).toBe("OTHER");
  });

  it("distinguishes California, states with a privacy law, and states without one", () => {
    expect(jurisdictionFor("US", "CA")).toBe("CCPA");
    expect(jurisdictionFor("US", "VA")).toBe("US_STATE");
    expect(jurisdictionFor("US", "TX")).toBe("US_STATE");
    expect(jurisdictionFor("US", "NE")).toBe("US_STATE");
    expect(jurisdictionFor("US", "NY")).toBe("OTHER");
    expect(jurisdictionFor("US", "FL")).toBe("OTHER");
    expect(jurisdictionFor("US", "PR")).toBe("OTHER");
    expect(jurisdictionFor("US")).toBe("OTHER");
    expect(jurisdictionFor("US", null)).toBe("OTHER");
  });

  it("reads Canada's CA code as the country, not California", () => {
    expect(jurisdictionFor("CA", "QC")).toBe("QUEBEC");
    expect(jurisdictionFor("CA", "ON")).toBe("OTHER");
    expect(jurisdictionFor("CA", "CA")).toBe("OTHER");
    // Virginia's code means nothing outside the US.
    expect(jurisdictionFor("CA", "VA")).toBe("OTHER");
    // Nor does Quebec's outside Canada.
    expect(jurisdictionFor("MX", "QC")).toBe("OTHER");
  });

  it("maps Brazil, Singapore and everything else", () => {
    expect(jurisdictionFor("BR")).toBe("LGPD");
    expect(jurisdictionFor("SG")).toBe("PDPA_SG");
    expect(jurisdictionFor("JP")).toBe("OTHER");
    expect(jurisdictionFor("")).toBe("OTHER");
  });

  it("ignores case, surrounding spaces and an ISO 3166-2 country prefix", () => {
    expect(jurisdictionFor("de")).toBe("GDPR");
    expect(jurisdictionFor("gb")).toBe("UK_GDPR");
    expect(jurisdictionFor("us", "ca")).toBe("CCPA");
    expect(jurisdictionFor(" US ", " co ")).toBe("US_STATE");
    expect(jurisdictionFor("US", "US-CA")).toBe("CCPA");
    expect(jurisdictionFor("ca", "ca-qc")).toBe("QUEBEC");
  });
});

describe("regions", () => {
  it("lists the 249 ISO 3166-1 codes once each, with no reserved or retired codes", () => {
    expect(COUNTRIES).toHaveLength(249);
    expect(new Set(COUNTRIES).size).toBe(249);
    for (const retired of ["UK", "XK", "EU", "AN", "YU"]) expect(isCountryCode(retired), retired).toBe(false);
  });

  it("has an Intl name for every country code", () => {
    for (const code of COUNTRIES) expect(countryName(code), code).not.toBe(code);
  });

  it("names countries in the requested locale and falls back to the code", () => {
    expect(countryName("de")).toBe("Germany");
    expect(countryName("DE", "de")).toBe("Deutschland");
    expect(countryName("not a code")).toBe("NOT A CODE");
  });

  it("sorts country options by label", () => {
    const options = countryOptions();
    expect(options).toHaveLength(249);
    expect(options[0]).toEqual({ value: "AF", label: "Afghanistan" });
    const labels = options.map((o) => o.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, "en")));
  });

  it("lists 50 states plus DC and Puerto Rico, and 13 provinces and territories", () => {
    expect(US_STATE_CODES).toHaveLength(52);
    expect(new Set(US_STATE_CODES).size).toBe(52);
    expect(US_STATE_CODES).toEqual(expect.arrayContaining(["DC", "PR", "CA", "WY"]));
    expect(CANADIAN_PROVINCE_CODES).toHaveLength(13);
    expect(new Set(CANADIAN_PROVINCE_CODES).size).toBe(13);
  });

  it("offers regions only for the US and Canada", () => {
    expect(regionOptions("us")).toHaveLength(52);
    expect(regionOptions("US")).toContainEqual({ value: "CA", label: "California" });
    expect(regionOptions("CA")).toContainEqual({ value: "QC", label: "Quebec" });
    expect(regionOptions("DE")).toEqual([]);
    // Each state's label is its name, in name order.
    expect(regionOptions("US").slice(0, 2)).toEqual([{ value: "AL", label: "Alabama" }, { value: "AK", label: "Alaska" }]);
    expect(regionCodesOf("CA")).toContain("QC");
    expect(regionCodesOf("DE")).toBeNull();
  });

  it("has the 30 EEA members, all valid codes", () => {
    expect(EEA_COUNTRIES).toHaveLength(30);
    expect(new Set(EEA_COUNTRIES).size).toBe(30);
    for (const code of EEA_COUNTRIES) expect(isCountryCode(code), code).toBe(true);
    expect(EEA_COUNTRIES).not.toContain("GB");
    expect(EEA_COUNTRIES).not.toContain("CH");
  });
});
