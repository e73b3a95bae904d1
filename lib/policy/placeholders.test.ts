import { describe, expect, it } from "vitest";
import {
  applyPlaceholders,
  findSquarePlaceholders,
  findUnknownFields,
  PlaceholderMappingsSchema,
  suggestSetting,
  unmappedPlaceholders,
} from "@/lib/policy/placeholders";

// A policy as an operator pastes it from a template with blanks, in the forms the AI-agent
// platform's template uses (our own text: the repository holds no copy of that template).
const template = [
  "Privacy Policy",
  "",
  "[LEGAL ENTITY NAME] (\"we\") provides [PRODUCT NAME]. Last updated: [DATE]. Effective: [DATE].",
  "Registered office: [REGISTERED ADDRESS]. Company number: [COMPANY NUMBER, IF APPLICABLE].",
  "",
  "Contact [PRIVACY EMAIL] with any privacy question; account help at [SUPPORT EMAIL].",
  "Data protection officer: [NAME OR “Not appointed”], reachable at [DPO EMAIL].",
  "EU representative: [NAME / ADDRESS / EMAIL].",
  "",
  "Subprocessors: hosting; [ADD ANALYTICS PROVIDERS IF USED]; [ADD LOGGING / MONITORING PROVIDERS IF USED];",
  "[ADD CUSTOMER SUPPORT PROVIDERS IF USED].",
  "",
  "[LEGAL ENTITY NAME] answers requests sent to [PRIVACY EMAIL] within the time the law allows.",
  "To reach the DPO write to [DPO EMAIL]; we copy [PRIVACY EMAIL] so nothing is missed.",
  "[LEGAL ENTITY NAME] keeps [PRODUCT NAME] logs for 30 days. Questions: [SUPPORT EMAIL] or [PRIVACY EMAIL].",
  "This policy of [LEGAL ENTITY NAME] is at [REGISTERED ADDRESS] on request. See footnote [1] and [sic].",
].join("\n");

describe("findSquarePlaceholders", () => {
  it("finds every blank of a pasted template, each once with its count and first line", () => {
    const found = findSquarePlaceholders(template);
    expect(found.map((p) => [p.name, p.count])).toEqual([
      ["[LEGAL ENTITY NAME]", 4],
      ["[PRODUCT NAME]", 2],
      ["[DATE]", 2],
      ["[REGISTERED ADDRESS]", 2],
      ["[COMPANY NUMBER, IF APPLICABLE]", 1],
      ["[PRIVACY EMAIL]", 4],
      ["[SUPPORT EMAIL]", 2],
      ["[NAME OR “Not appointed”]", 1],
      ["[DPO EMAIL]", 2],
      ["[NAME / ADDRESS / EMAIL]", 1],
      ["[ADD ANALYTICS PROVIDERS IF USED]", 1],
      ["[ADD LOGGING / MONITORING PROVIDERS IF USED]", 1],
      ["[ADD CUSTOMER SUPPORT PROVIDERS IF USED]", 1],
    ]);
    expect(found[0]!.line).toBe(3);
    expect(found.find((p) => p.name === "[DPO EMAIL]")!.line).toBe(7);
  });

  it("does not take footnote marks, lower-case asides or {{fields}} for placeholders", () => {
    expect(findSquarePlaceholders("See [1], [a], [sic], [Note] and {{privacyEmail}}; [A] too.")).toEqual([]);
    expect(findSquarePlaceholders("Unclosed [PRIVACY\nEMAIL] and [UK].").map((p) => p.name)).toEqual(["[UK]"]);
  });
});

describe("suggestSetting", () => {
  it.each([
    ["[PRIVACY EMAIL]", "privacyEmail"],
    ["[LEGAL ENTITY NAME]", "legalName"],
    ["[COMPANY NAME]", "legalName"],
    ["[PRODUCT NAME]", "productName"],
    ["[DPO EMAIL]", "dpoEmail"],
    ["[SUPPORT EMAIL]", "supportEmail"],
    ["[REGISTERED ADDRESS]", "registeredAddress"],
    ["[COMPANY NUMBER, IF APPLICABLE]", "companyNumber"],
    ["[DATE]", null],
    ["[NAME / ADDRESS / EMAIL]", null],
    ["[ADD ANALYTICS PROVIDERS IF USED]", null],
  ])("suggests for %s: %s", (name, setting) => {
    expect(suggestSetting(name)).toBe(setting);
  });
});

describe("applying mappings", () => {
  const mappings = PlaceholderMappingsSchema.parse({
    "[PRIVACY EMAIL]": { setting: "privacyEmail" },
    "[DATE]": { text: "1 December 2026" },
  });

  it("writes a setting as its {{field}} and a text as itself, everywhere it appears", () => {
    expect(applyPlaceholders("Mail [PRIVACY EMAIL] by [DATE]; again [PRIVACY EMAIL].", mappings)).toBe("Mail {{privacyEmail}} by 1 December 2026; again {{privacyEmail}}.");
  });

  it("names what is still unmapped, and leaves it in the text", () => {
    const texts = ["Mail [PRIVACY EMAIL] about [DPO EMAIL].", "Title [LEGAL ENTITY NAME]"];
    expect(unmappedPlaceholders(texts, mappings)).toEqual(["[DPO EMAIL]", "[LEGAL ENTITY NAME]"]);
    expect(applyPlaceholders(texts[0]!, mappings)).toBe("Mail {{privacyEmail}} about [DPO EMAIL].");
  });

  it("refuses a mapping to something that is not a setting, an empty text or one on two lines", () => {
    expect(PlaceholderMappingsSchema.safeParse({ "[X Y]": { setting: "phoneNumber" } }).success).toBe(false);
    const empty = PlaceholderMappingsSchema.safeParse({ "[DATE]": { text: "  " } });
    expect(empty.error?.issues.map((i) => i.message).join()).toContain("Enter the text to fill in, or choose a setting");
    expect(PlaceholderMappingsSchema.safeParse({ "[DATE]": { text: "a\nb" } }).success).toBe(false);
    expect(PlaceholderMappingsSchema.safeParse({ "not one": { text: "x" } }).success).toBe(false);
  });
});

describe("findUnknownFields", () => {
  it("names {{fields}} that no setting fills, and accepts the known ones", () => {
    expect(findUnknownFields("{{privacyEmail}}, {{ legalName }}, {{phone}}, {{phone}}, {{}}")).toEqual(["{{phone}}", "{{}}"]);
  });
});
