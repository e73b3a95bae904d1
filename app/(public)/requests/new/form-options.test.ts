import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";
import { RELATIONSHIP_LABELS, REQUEST_TYPE_DESCRIPTIONS, REQUEST_TYPE_LABELS } from "@/lib/requests/labels";
import { countryOptions, regionOptions } from "@/lib/requests/regions";
import { OBJECTION_PROCESSING_LABELS, REQUEST_TYPES, RESTRICTION_GROUND_LABELS } from "@/lib/requests/schema";
import { requestFormOptions } from "./form-options";

type Tree = { [key: string]: string | Tree };
function leaves(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

describe("the request form's words", () => {
  it("in English are the words the form always had", () => {
    const en = requestFormOptions("en", REQUEST_TYPES);
    expect(en.countries).toEqual(countryOptions());
    expect(en.countries.find((c) => c.value === "LC")?.label).toBe("St. Lucia");
    expect(en.regions).toEqual({ US: regionOptions("US"), CA: regionOptions("CA") });
    expect(en.relationships).toEqual(RELATIONSHIP_LABELS);
    expect(en.types.ACCESS).toEqual({ label: REQUEST_TYPE_LABELS.ACCESS, description: REQUEST_TYPE_DESCRIPTIONS.ACCESS });
    // The customer's referral page and the dashboard show the same choices from lib/requests/schema.ts.
    expect(en.details.processing.options).toEqual(OBJECTION_PROCESSING_LABELS);
    expect(en.details.ground.options).toEqual(RESTRICTION_GROUND_LABELS);
    expect(en.words.send).toBe("Send request");
    expect(en.representation.errors).toEqual({
      "Enter your full name": "Enter their full name",
      "Enter your email address": "Enter their email address",
      "Choose the country where you live": "Choose the country where they live",
    });
  });

  it("in German: labels, options, countries by their German names in German order", () => {
    const de = requestFormOptions("de", ["ACCESS", "DELETION"]);
    expect(Object.keys(de.types)).toEqual(["ACCESS", "DELETION"]);
    expect(de.types.DELETION?.label).toBe("Meine Daten löschen");
    expect(de.relationships.OTHER).toBe("Sonstiges");
    expect(de.words.about.country).toBe("Land, in dem Sie leben");
    expect(de.words.send).toBe("Antrag senden");
    expect(de.details.scope.options.ALL).toBe("Alle personenbezogenen Daten über mich");
    expect(de.countries.find((c) => c.value === "DE")?.label).toBe("Deutschland");
    const labels = de.countries.map((c) => c.label);
    // German order files Ä under A: Ägypten before Albanien, not after Z.
    expect(labels.indexOf("Ägypten")).toBeLessThan(labels.indexOf("Albanien"));
    expect(labels).toEqual([...labels].sort(new Intl.Collator("de-DE").compare));
    expect(de.messages["Enter your full name"]).toBe("Geben Sie Ihren vollständigen Namen ein");
    // Someone else's fields: the German message reworded for them.
    expect(de.representation.errors["Geben Sie Ihren vollständigen Namen ein"]).toBe("Geben Sie den vollständigen Namen der Person ein");
  });

  it("in Brazilian Portuguese", () => {
    const pt = requestFormOptions("pt-BR", REQUEST_TYPES);
    expect(pt.types.ACCESS?.label).toBe("Acessar meus dados");
    expect(pt.words.about.legend).toBe("Sobre você");
    expect(pt.words.relationship.dataScopes.WORKSPACE).toBe("Apenas das minhas conversas com essa empresa");
    expect(pt.representation.choices.AGENT.label).toBe("Para alguém que me autorizou a agir em seu nome");
    expect(pt.countries.find((c) => c.value === "DE")?.label).toBe("Alemanha");
    expect(pt.countries[0]?.label).toBe("Afeganistão");
    expect(pt.representation.errors["Escolha o país onde você mora"]).toBe("Escolha o país onde essa pessoa mora");
  });

  it("in French names Canada's provinces as Canada does, in French order; US states keep their names", () => {
    const fr = requestFormOptions("fr", REQUEST_TYPES);
    expect(fr.regions.CA).toContainEqual({ value: "QC", label: "Québec" });
    expect(fr.regions.CA?.map((r) => r.label).slice(0, 3)).toEqual(["Alberta", "Colombie-Britannique", "Île-du-Prince-Édouard"]);
    expect(fr.regions.US).toEqual(regionOptions("US"));
    expect(requestFormOptions("es", REQUEST_TYPES).regions.CA).toEqual(regionOptions("CA"));
  });

  // The groups go to the form as the catalogue has them, unformatted: each must say what formatting would.
  it.each([...LOCALES])("in %s are plain words that format to themselves", (locale) => {
    const form = messagesFor(locale).form;
    const t = createTranslator({ locale, messages: messagesFor(locale), namespace: "form" }) as unknown as (key: string) => string;
    const groups = { about: form.about, relationship: form.relationship, details: form.details, representation: form.representation };
    const changed = leaves(groups as unknown as Tree).filter(([key, raw]) => t(key) !== raw);
    expect(changed).toEqual([]);
  });
});
