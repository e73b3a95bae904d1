import { describe, expect, it } from "vitest";
import { accentShades, AccentSchema, checkAccentColor, contrastRatio, formatRatio } from "@/lib/branding/accent";

describe("contrastRatio", () => {
  it("gives the WCAG ratios of known pairs", () => {
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 5);
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBe(1);
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(contrastRatio("#1d4ed8", "#ffffff")).toBeCloseTo(6.7, 1);
  });
});

describe("checkAccentColor", () => {
  it("accepts a colour with at least 4.5:1 against white, in any case, as lower case", () => {
    expect(checkAccentColor("#767676")).toMatchObject({ ok: true, color: "#767676" });
    expect(checkAccentColor(" #1D4ED8 ")).toMatchObject({ ok: true, color: "#1d4ed8" });
  });

  it("refuses a colour just under 4.5:1 without rounding it up to a pass", () => {
    expect(checkAccentColor("#777777")).toEqual({
      ok: false,
      ratio: expect.closeTo(4.48, 2),
      message: "#777777 has 4.47:1 against white; WCAG AA needs 4.5:1. Choose a darker colour",
    });
  });

  it("names the measured ratio of a light colour", () => {
    expect(checkAccentColor("#7DD3FC")).toMatchObject({ ok: false, message: "#7dd3fc has 1.6:1 against white; WCAG AA needs 4.5:1. Choose a darker colour" });
  });

  it("refuses what is not # and six hex digits", () => {
    for (const bad of ["1d4ed8", "#1d4ed", "#1d4ed8ff", "blue", "#ggg000", "rgb(0,0,0)"]) {
      expect(checkAccentColor(bad)).toEqual({ ok: false, message: "Enter the colour as # and six hexadecimal digits, such as #1d4ed8" });
    }
  });
});

describe("formatRatio", () => {
  it("rounds down, to tenths unless that would read as a pass", () => {
    expect(formatRatio(21)).toBe("21:1");
    expect(formatRatio(4.54)).toBe("4.5:1");
    expect(formatRatio(4.478)).toBe("4.47:1");
    expect(formatRatio(6.99)).toBe("6.9:1");
  });
});

describe("accentShades", () => {
  it("derives darker shades whose contrast with white only rises, and which pass on a light grey footer", () => {
    const { accent, dark, darker } = accentShades("#767676");
    expect(accent).toBe("#767676");
    expect(dark).toMatch(/^#[0-9a-f]{6}$/);
    expect(contrastRatio(dark, "#ffffff")).toBeGreaterThan(contrastRatio(accent, "#ffffff"));
    expect(contrastRatio(darker, "#ffffff")).toBeGreaterThan(contrastRatio(dark, "#ffffff"));
    // slate-100, the lightest grey the public pages put text on besides white.
    expect(contrastRatio(dark, "#f1f5f9")).toBeGreaterThanOrEqual(4.5);
  });
});

describe("AccentSchema", () => {
  it("reads empty as the portal's own colours and a passing colour in lower case", () => {
    expect(AccentSchema.parse({ accentColor: "  " })).toEqual({ accentColor: null });
    expect(AccentSchema.parse({ accentColor: null })).toEqual({ accentColor: null });
    expect(AccentSchema.parse({ accentColor: "#0F766E" })).toEqual({ accentColor: "#0f766e" });
  });

  it("refuses a failing colour with its message on the field", () => {
    const result = AccentSchema.safeParse({ accentColor: "#7dd3fc" });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ["accentColor"], message: expect.stringContaining("1.6:1 against white") })]);
  });
});
