import "server-only";
import type { Jurisdiction } from "@/lib/generated/prisma/enums";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import type { RegimeRule } from "@/lib/requests/deadlines";
import { stateLaw } from "@/lib/requests/us-state-laws";

// The laws as a requester reads them, in their language (the "laws" catalogue): each law's
// official name, whom to complain to, and its deadline in words. English is what
// lib/requests/regulators.ts and the dashboard say; the other languages use the law's and the
// authority's official name in that language where there is one (DSGVO, RGPD, Loi 25), else the
// official name as it is.

/** The law's official name: "Datenschutz-Grundverordnung (DSGVO)". */
export function lawName(jurisdiction: Jurisdiction, locale: Locale = DEFAULT_LOCALE): string {
  return translatorFor(locale, "laws")(`names.${jurisdiction}`);
}

/**
 * Whom to complain to, as the object of "you can complain to …" in the reader's language (in
 * German the accusative of "sich an … wenden"); for a US state law, that state's Attorney General.
 */
export function regulatorIn(jurisdiction: Jurisdiction, region: string | null | undefined, locale: Locale = DEFAULT_LOCALE): string {
  const t = translatorFor(locale, "laws");
  const state = jurisdiction === "US_STATE" ? stateLaw(region) : null;
  return state ? t("stateAttorneyGeneral", { state: state.state, website: state.website }) : t(`regulators.${jurisdiction}`);
}

/** A regime's deadline in words: "within one month", and "extended by two months" where the law allows it. */
export function deadlineWords(rule: Pick<RegimeRule, "period" | "extension">, locale: Locale = DEFAULT_LOCALE): { within: string; extension: string } {
  const t = translatorFor(locale, "laws");
  return {
    within: t(`within.${rule.period.unit}`, { count: rule.period.amount }),
    extension: rule.extension ? t(`extendedBy.${rule.extension.unit}`, { count: rule.extension.amount }) : t("noExtension"),
  };
}
