import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import type { MetricsRow } from "@/lib/reports/request-metrics";

// The page's language as next-intl and proxy.ts would give it, with the real catalogues.
let pageLocale: Locale = "en";
vi.mock("next-intl/server", () => ({ getTranslations: async (namespace: "pages") => translatorFor(pageLocale, namespace) }));
vi.mock("@/lib/i18n/server", () => ({ readerLocale: async () => pageLocale }));
const { RequestMetricsTable } = await import("@/components/request-metrics-table");

const row: MetricsRow = { category: "delete", received: 1234, complied: 1000, deniedUnverifiable: 200, deniedExemption: 4, deniedUnfounded: 3, deniedNotCovered: 2, deniedOther: 1, open: 24, medianDays: 12.5, meanDays: null };

async function render(locale: Locale): Promise<string> {
  pageLocale = locale;
  return renderToStaticMarkup(await RequestMetricsTable({ rows: [row], caption: "Figures" }));
}

describe("RequestMetricsTable", () => {
  it("writes the dashboard's English words and numbers as British English does", async () => {
    const html = await render("en");
    expect(html).toContain(">Median days to respond</th>");
    expect(html).toContain(">Requests to delete</th>");
    expect(html).toContain(">1,234</td>");
    expect(html).toContain(">12.5</td>");
    expect(html).toContain(">–</td>");
  });

  it.each([
    { locale: "de" as const, header: "Median der Tage bis zur Antwort", category: "Löschanträge" },
    { locale: "pt-BR" as const, header: "Mediana de dias para responder", category: "Solicitações de exclusão" },
  ])("writes headers, categories and numbers in the language of a $locale page", async ({ locale, header, category }) => {
    const html = await render(locale);
    expect(html).toContain(`>${header}</th>`);
    expect(html).toContain(`>${category}</th>`);
    expect(html).toContain(">1.234</td>");
    expect(html).toContain(">12,5</td>");
  });
});
