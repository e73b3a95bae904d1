import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";

// The page's language as next-intl would give it, from the real catalogues.
let pageLocale: Locale = "en";
vi.mock("next-intl/server", () => ({ getTranslations: async (namespace: "pages") => translatorFor(pageLocale, namespace) }));
const { accentStyle, BrandMark } = await import("@/components/brand-mark");

const logo = { sha256: "ab".repeat(32), contentType: "image/svg+xml" as const, width: 300, height: 100, size: 900 };

async function render(element: Parameters<typeof BrandMark>[0]): Promise<string> {
  return renderToStaticMarkup(await BrandMark(element));
}

describe("BrandMark", () => {
  beforeEach(() => {
    pageLocale = "en";
  });

  it("shows the product's name in text without a logo", async () => {
    expect(await render({ productName: "Helper", logo: null })).toBe('Helper <span class="font-normal text-slate-600">Privacy Center</span>');
  });

  it("shows the logo named by the product once, sized for the header, at its versioned address", async () => {
    const html = await render({ productName: "Helper", logo });
    expect(html).toContain(`<img src="/brand/logo?v=${"ab".repeat(8)}" alt="Helper" width="120" height="40"`);
    expect(html.match(/Helper/g)).toHaveLength(1);
    expect(html).toContain("Privacy Center");
  });

  it("names the privacy center in the page's language", async () => {
    pageLocale = "de";
    expect(await render({ productName: "Helper", logo: null })).toContain(">Datenschutzcenter</span>");
    pageLocale = "pt-BR";
    expect(await render({ productName: "Helper", logo })).toContain(">Central de Privacidade</span>");
  });
});

describe("accentStyle", () => {
  it("sets the accent and its darker shades, or nothing for the portal's own colours", () => {
    expect(accentStyle(null)).toBeUndefined();
    expect(accentStyle("#0f766e")).toEqual({ "--accent": "#0f766e", "--accent-dark": "#0d645e", "--accent-darker": "#0a4d48" });
  });
});
