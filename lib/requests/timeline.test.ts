import { correctionSentences } from "@/lib/corrections/words";
import { erasureSentences } from "@/lib/erasure/words";
import { describe, expect, it } from "vitest";
import { timelineEntry } from "@/lib/requests/timeline";

describe("timelineEntry for request handling", () => {
  it("words each public handling event for the requester", () => {
    expect(timelineEntry("request.acknowledged", {}, "UTC").title).toBe("Work started");
    expect(timelineEntry("request.information_requested", { messageId: "m" }, "UTC").detail).toContain("answer it on this page");
    expect(timelineEntry("request.information_provided", {}, "UTC").title).toBe("You answered our question");
    // A request made for someone else: both people read it, so it says whom it concerns.
    expect(timelineEntry("request.information_requested", { party: "SUBJECT" }, "UTC").title).toBe("A question to the person this request is about");
    expect(timelineEntry("request.information_requested", { party: "REQUESTER" }, "UTC").title).toBe("A question to the person who made the request");
    expect(timelineEntry("request.information_provided", { party: "SUBJECT" }, "UTC").title).toBe("The person this request is about answered");
    expect(timelineEntry("request.information_provided", { party: "REQUESTER" }, "UTC").title).toBe("The person who made the request answered");
    expect(timelineEntry("request.appealed", {}, "UTC").title).toBe("You appealed this decision");
    expect(timelineEntry("package.downloaded", { packageId: "p" }, "UTC").title).toBe("Data downloaded");
    expect(timelineEntry("request.status_link_sent", {}, "UTC").title).toBe("New status link sent");
  });

  it("gives the new deadline of an extension, never its reason", () => {
    const entry = timelineEntry("request.deadline_extended", { extendedDueDate: "2027-02-18", reason: "Secret detail" }, "UTC");
    expect(entry.detail).toBe("We need more time and will answer by 18 February 2027. We emailed you why.");
    expect(JSON.stringify(entry)).not.toContain("Secret");
  });

  it("points to the appeal only where there is one, and keeps the basis of a denial off the page", () => {
    expect(timelineEntry("request.denied", { appealAvailable: true, reason: "Basis" }, "UTC").detail).toContain("You can appeal");
    const entry = timelineEntry("request.denied", { appealAvailable: false, reason: "Basis" }, "UTC");
    expect(entry.detail).not.toContain("appeal");
    expect(JSON.stringify(entry)).not.toContain("Basis");
  });

  it("says until when a package can be downloaded", () => {
    expect(timelineEntry("request.completed", { downloadUntil: "2026-12-29T10:00:00.000Z" }, "UTC").detail).toBe(
      "Your data is ready to download on this page until 29 December 2026 at 10:00 UTC.",
    );
    expect(timelineEntry("request.completed", { outcome: "Erased" }, "UTC").detail).toBe("We emailed you what we did. Our answer: Erased");
    expect(timelineEntry("request.completed", { downloadUntil: "2026-12-29T10:00:00.000Z", outcome: "Your file has 3 parts." }, "UTC").detail).toBe(
      "Your data is ready to download on this page until 29 December 2026 at 10:00 UTC. Our answer: Your file has 3 parts.",
    );
    expect(timelineEntry("request.completed", {}, "UTC").detail).toBe("We emailed you what we did.");
  });

  it("gives moments in the operator's time zone, and a due date as the day it is", () => {
    expect(timelineEntry("request.completed", { downloadUntil: "2026-12-29T10:00:00.000Z" }, "Europe/Berlin").detail).toBe(
      "Your data is ready to download on this page until 29 December 2026 at 11:00 CET.",
    );
    // West of Greenwich a due date is still its own day, not the evening before.
    expect(timelineEntry("request.verified", { dueDate: "2027-01-04" }, "America/Los_Angeles").detail).toBe("We will answer by 4 January 2027.");
  });

  it("points to the customer's note where the status page shows it: above the timeline", () => {
    expect(timelineEntry("referral.completed", { customerName: "Acme" }, "UTC").detail).toBe("Its note on what it did is above, under “Who answers your request”.");
    expect(timelineEntry("referral.refused", { customerName: "Acme" }, "UTC").detail).toMatch(/^Its reasons are above, under “Who answers your request”\./);
  });
});

describe("timelineEntry in the reader's language", () => {
  it("words the events in German, with German dates", () => {
    expect(timelineEntry("request.verified", { dueDate: "2027-01-18" }, "UTC", "de")).toEqual({
      title: "E-Mail-Adresse bestätigt",
      detail: "Wir antworten bis zum 18. Januar 2027.",
    });
    expect(timelineEntry("request.closed_unverified", { afterDays: 1 }, "UTC", "de").detail).toContain("innerhalb eines Tages");
    expect(timelineEntry("referral.acknowledged", {}, "UTC", "de").title).toBe("Das Unternehmen hat den Eingang Ihres Antrags bestätigt");
    expect(timelineEntry("something.unknown", {}, "UTC", "de").title).toBe("Antrag aktualisiert");
  });

  it("words the events in Brazilian Portuguese, with Brazilian dates", () => {
    expect(timelineEntry("request.deadline_extended", { extendedDueDate: "2027-02-18" }, "UTC", "pt-BR").detail).toBe(
      "Precisamos de mais tempo e responderemos até 18 de fevereiro de 2027. Explicamos o motivo por e-mail.",
    );
    expect(timelineEntry("recipients.told", { recipients: [{ name: "Acme" }, { name: "Bolt", byConnector: true }] }, "UTC", "pt-BR").detail).toBe(
      "Convidadas a fazer o mesmo e confirmar: Acme. Apagados diretamente nos sistemas delas: Bolt.",
    );
  });

  it("keeps English word for word where no language is given", () => {
    expect(timelineEntry("request.closed_unverified", { afterDays: 3 }, "UTC").detail).toBe(
      "The email address was not confirmed within 3 days, so we closed the request and erased the details you gave.",
    );
    expect(
      timelineEntry("referral.sent", { customerName: "Acme", workspaceName: "acme.chat", customerContactEmail: "p@acme.test", includesOperatorPart: true }, "UTC").detail,
    ).toBe("Acme controls the data from acme.chat, so we passed your request to its privacy contact (p@acme.test). We handle the data we hold ourselves.");
  });
});

describe("a completed erasure or correction on the timeline", () => {
  const erasure = {
    erased: [{ system: "Support desk", what: "Conversations", records: 1 }, { system: "CRM", what: "Contacts", records: 3 }],
    kept: [{ system: "Billing", what: "Invoices", reason: "tax law asks us to keep them for seven years" }],
  };
  const correction = { corrected: [{ system: "CRM", what: "Contacts", records: 2 }], byHand: ["Billing", "Data warehouse"] };

  it("says in English what the erasure and correction words always said", () => {
    expect(timelineEntry("request.completed", { erasure }, "UTC").detail).toBe(["We emailed you what we did.", ...erasureSentences(erasure)].join(" "));
    expect(timelineEntry("request.completed", { correction }, "UTC").detail).toBe(["We emailed you what we did.", ...correctionSentences(correction)].join(" "));
  });

  it("says it in German and in Portuguese, counted in each", () => {
    const german = timelineEntry("request.completed", { erasure }, "UTC", "de").detail!;
    expect(german).toContain("Wir haben gelöscht: Conversations (1 Datensatz, Support desk); Contacts (3 Datensätze, CRM).");
    expect(german).toContain("Wir haben aufbewahrt: Invoices (Billing), weil: tax law");
    expect(german).not.toMatch(/We (erased|kept)/);
    const portuguese = timelineEntry("request.completed", { correction }, "UTC", "pt-BR").detail!;
    expect(portuguese).toContain("Corrigimos: Contacts (2 registros, CRM).");
    expect(portuguese).toContain("Pedimos às pessoas que administram estes sistemas que também os corrijam: Billing, Data warehouse.");
  });
});
