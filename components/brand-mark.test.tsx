import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { accentStyle, BrandMark } from "@/components/brand-mark";

const logo = { sha256: "ab".repeat(32), contentType: "image/svg+xml" as const, width: 300, height: 100, size: 900 };

describe("BrandMark", () => {
  it("shows the product's name in text without a logo", () => {
    expect(renderToStaticMarkup(<BrandMark productName="Helper" logo={null} />)).toBe('Helper <span class="font-normal text-slate-600">Privacy Center</span>');
  });

  it("shows the logo named by the product once, sized for the header, at its versioned address", () => {
    const html = renderToStaticMarkup(<BrandMark productName="Helper" logo={logo} />);
    expect(html).toContain(`<img src="/brand/logo?v=${"ab".repeat(8)}" alt="Helper" width="120" height="40"`);
    expect(html.match(/Helper/g)).toHaveLength(1);
    expect(html).toContain("Privacy Center");
  });
});

describe("accentStyle", () => {
  it("sets the accent and its darker shades, or nothing for the portal's own colours", () => {
    expect(accentStyle(null)).toBeUndefined();
    expect(accentStyle("#0f766e")).toEqual({ "--accent": "#0f766e", "--accent-dark": "#0d645e", "--accent-darker": "#0a4d48" });
  });
});
