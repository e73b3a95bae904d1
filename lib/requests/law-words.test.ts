import { describe, expect, it } from "vitest";
import { REGIMES } from "@/lib/requests/deadlines";
import { deadlineWords, lawName, regulatorIn } from "@/lib/requests/law-words";
import { REGULATORS, regulatorFor } from "@/lib/requests/regulators";

describe("the laws as a requester reads them", () => {
  it("names each law officially in the reader's language", () => {
    expect(lawName("GDPR", "de")).toBe("Datenschutz-Grundverordnung (DSGVO)");
    expect(lawName("GDPR", "fr")).toBe("règlement général sur la protection des données (RGPD)");
    expect(lawName("LGPD", "pt-BR")).toBe("Lei Geral de Proteção de Dados Pessoais (LGPD)");
    expect(lawName("QUEBEC", "fr")).toContain("Loi 25");
  });

  it("says whom to complain to in the reader's language, in English as the refusal email does", () => {
    for (const jurisdiction of Object.keys(REGULATORS) as (keyof typeof REGULATORS)[]) {
      expect(regulatorIn(jurisdiction, null)).toBe(regulatorFor(jurisdiction));
    }
    expect(regulatorIn("US_STATE", "VA")).toBe(regulatorFor("US_STATE", "VA"));
    expect(regulatorIn("LGPD", null, "pt-BR")).toBe("a ANPD (Autoridade Nacional de Proteção de Dados)");
    expect(regulatorIn("QUEBEC", null, "fr")).toBe("la Commission d'accès à l'information du Québec");
    expect(regulatorIn("US_STATE", "VA", "de")).toBe("den Attorney General (Generalstaatsanwalt) von Virginia (www.oag.state.va.us)");
  });

  it("words deadlines with the language's plurals", () => {
    expect(deadlineWords(REGIMES.GDPR)).toEqual({ within: "within one month", extension: "extended by two months" });
    expect(deadlineWords(REGIMES.GDPR, "de")).toEqual({ within: "innerhalb eines Monats", extension: "verlängert um zwei Monate" });
    expect(deadlineWords(REGIMES.LGPD, "pt-BR")).toEqual({ within: "em até 15 dias", extension: "A lei não permite prorrogação." });
    expect(deadlineWords({ period: { unit: "days", amount: 1 }, extension: null }, "es").within).toBe("en un plazo de 1 día");
  });
});
