import { describe, expect, it } from "vitest";
import { localeOrDefault, localePath, matchLocale, negotiateLocale, splitLocalePrefix } from "@/lib/i18n/locales";

describe("the reader's language", () => {
  it("follows Accept-Language by weight, then order, to the first language offered", () => {
    expect(negotiateLocale("de-CH,de;q=0.9,en;q=0.8")).toBe("de");
    expect(negotiateLocale("it-IT,it;q=0.9,fr;q=0.8,en;q=0.7")).toBe("fr");
    expect(negotiateLocale("en;q=0.5,es;q=0.9")).toBe("es");
    expect(negotiateLocale("pt-PT,pt;q=0.9")).toBe("pt-BR");
    expect(negotiateLocale("ja,zh;q=0.5")).toBe("en");
    expect(negotiateLocale("de;q=0,fr")).toBe("fr");
    expect(negotiateLocale("")).toBe("en");
    expect(negotiateLocale(null)).toBe("en");
  });

  it("reads a stored code as an offered language, else English, never a mix", () => {
    expect(matchLocale("de-AT")).toBe("de");
    expect(matchLocale("pt_br")).toBe("pt-BR");
    expect(matchLocale("nl")).toBeNull();
    expect(localeOrDefault("nl")).toBe("en");
    expect(localeOrDefault("FR")).toBe("fr");
  });

  it("takes the language off an address and puts it back", () => {
    expect(splitLocalePrefix("/de/requests/new")).toEqual({ locale: "de", path: "/requests/new" });
    expect(splitLocalePrefix("/pt-BR")).toEqual({ locale: "pt-BR", path: "/" });
    expect(splitLocalePrefix("/privacy")).toEqual({ locale: null, path: "/privacy" });
    expect(splitLocalePrefix("/dex/privacy")).toEqual({ locale: null, path: "/dex/privacy" });
    expect(localePath("de", "/requests/new")).toBe("/de/requests/new");
    expect(localePath("en", "/requests/new")).toBe("/requests/new");
    expect(localePath("en", "/requests/new", true)).toBe("/en/requests/new");
    expect(localePath("fr", "/")).toBe("/fr");
  });
});
