import { describe, expect, it } from "vitest";
import { messagesFor } from "@/lib/i18n/messages";
import { detailLines } from "./details";

describe("the request's details on the referral page", () => {
  const details = { scope: "ALL", specifics: "Chats from March", processing: "PRODUCT_ANALYTICS", favouriteColour: "blue", empty: " " };

  it("words labels and listed choices in the reader's language, and keeps what the requester typed", () => {
    expect(detailLines(details, messagesFor("de").referral.details)).toEqual([
      { label: "Was gelöscht werden soll", value: "Alles über die antragstellende Person" },
      { label: "Die betroffenen Daten", value: "Chats from March" },
      { label: "Verarbeitung, der widersprochen wird", value: "Produktanalysen und Nutzungs-Tracking" },
      { label: "Favourite colour", value: "blue" },
    ]);
    expect(detailLines({ scope: "SPECIFIC" }, messagesFor("pt-BR").referral.details)).toEqual([
      { label: "O que deve ser eliminado", value: "Apenas os dados descritos" },
    ]);
  });

  it("says in English what the staff pages say", () => {
    expect(detailLines(details, messagesFor("en").referral.details).slice(0, 1)).toEqual([
      { label: "What should be deleted", value: "Everything about the requester" },
    ]);
  });

  it("never takes a label or choice from an object's prototype", () => {
    expect(detailLines({ constructor: "toString" }, messagesFor("en").referral.details)).toEqual([{ label: "Constructor", value: "toString" }]);
  });
});
