import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";

// The page's language as next-intl would give it, with the real catalogues.
let pageLocale: Locale = "en";
vi.mock("next-intl/server", () => ({ getTranslations: async (namespace: "pages") => translatorFor(pageLocale, namespace) }));
const { RegisteredDetails } = await import("@/components/registered-details");

async function render(locale: Locale, companyNumber: string | null): Promise<string> {
  pageLocale = locale;
  return renderToStaticMarkup(await RegisteredDetails({ org: { registeredAddress: "1 Main St, Dublin", companyNumber } }));
}

describe("RegisteredDetails", () => {
  it("names the address and the company number in the page's language", async () => {
    expect(await render("en", "12345")).toBe('<address class="not-italic">Registered address: 1 Main St, Dublin · Company number 12345</address>');
    expect(await render("de", "12345")).toContain("Eingetragene Anschrift: 1 Main St, Dublin · Registernummer 12345");
    expect(await render("pt-BR", "12345")).toContain("Endereço da sede: 1 Main St, Dublin · Número de registro 12345");
  });

  it("leaves the company number out when there is none", async () => {
    expect(await render("fr", null)).toBe('<address class="not-italic">Siège social : 1 Main St, Dublin</address>');
  });
});
