import { describe, expect, it } from "vitest";
import { emailLanguage } from "@/emails/components/language";
import { PREVIEW_ORGANIZATION } from "@/emails/components/preview-organization";
import { PREVIEW_REFERRAL } from "@/emails/components/preview-referral";
import ReferralOutcome from "@/emails/referral-outcome";
import RequestReferred from "@/emails/request-referred";
import { renderEmail, type RenderedEmail } from "@/lib/mail/render";

// A link a reader can follow from either part: the button's label then its address in the text,
// the address as an href in the HTML.
function expectLink(email: RenderedEmail, label: string, url: string) {
  expect(email.text).toContain(`${label} ${url}`);
  expect(email.html).toContain(`href="${url}"`);
}

const referral = {
  ...PREVIEW_REFERRAL,
  reference: "DSR-REFR-0001",
  customerName: "Blumenhaus Berger GmbH",
  workspaceName: "Berger Kundendienst",
  dueDate: "2027-01-15",
  requester: { name: "Ana Souza", email: "ana.souza@example.org" },
  details: [
    { label: "What should be deleted", value: "Only the data described" },
    { label: "The data concerned", value: "My chat from March\nand my phone number" },
  ],
  includesOperatorPart: false,
  referralUrl: "https://privacy.example/referrals/referral-token-1",
};

describe("referral-to-customer", () => {
  it("tells the privacy contacts what was asked, by whom, by when and where to answer", async () => {
    const email = await renderEmail("referral-to-customer", referral);
    expect(email.subject).toBe("Privacy request DSR-REFR-0001 for your workspace Berger Kundendienst");
    expectLink(email, "Open the request", "https://privacy.example/referrals/referral-token-1");
    const { text, html } = email;
    expect(text).toContain(
      "Ana Souza has made a privacy request (Delete my data) to Jexi about personal data in your workspace Berger Kundendienst. Please answer it by 15 January 2027.",
    );
    expect(text).toContain("Reference: DSR-REFR-0001");
    expect(text).toContain("Law: GDPR (European Economic Area)");
    expect(text).toContain("Answer the requester by: 15 January 2027");
    expect(text).toContain("Requester: Ana Souza (ana.souza@example.org)");
    expect(html).toContain('href="mailto:ana.souza@example.org"');
    expect(text).toContain("What should be deleted: Only the data described");
    expect(text).toContain("The data concerned: My chat from March\nand my phone number");
  });

  it("shows bidi controls in what the requester typed as markers, in both parts", async () => {
    const email = await renderEmail("referral-to-customer", {
      ...referral,
      requester: { name: "Ann\u202eevil", email: "ann@example.org" },
      details: [{ label: "The data concerned", value: "My chat\u2067 from March" }],
    });
    for (const part of [email.text, email.html]) {
      expect(part).toContain("Ann⟨U+202E⟩evil");
      expect(part).toContain("My chat⟨U+2067⟩ from March");
      expect(part).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    }
  });

  it("explains the controller's duty and what to do, and keeps the link in the privacy team", async () => {
    const { text } = await renderEmail("referral-to-customer", referral);
    expect(text).toContain("Blumenhaus Berger GmbH is the controller of that data and we are its processor");
    expect(text).toContain("Article 28(3)(e) GDPR");
    expect(text).toContain("acknowledge it");
    expect(text).toContain("ask us for an export on the same page");
    expect(text).toContain("Mark the request completed or refused, with a note. The requester sees your note");
    expect(text).toContain("The link works while the request is open with you. Do not forward it outside your privacy team");
    expect(text).toContain("You received this because you are a privacy contact of Blumenhaus Berger GmbH");
  });

  it("says the operator answers for its own data only when it has a part", async () => {
    const without = await renderEmail("referral-to-customer", referral);
    expect(without.text).not.toContain("We answer the requester ourselves");
    const withPart = await renderEmail("referral-to-customer", { ...referral, includesOperatorPart: true });
    expect(withPart.text).toContain("We answer the requester ourselves about the data Jexi controls");
  });

  it("keeps the requester's name out of the subject and escapes what they typed", async () => {
    const { subject, html } = await renderEmail("referral-to-customer", {
      ...referral,
      requester: { name: "<b>Ana</b>", email: "ana.souza@example.org" },
    });
    expect(subject).not.toContain("Ana");
    expect(html).not.toContain("<b>Ana</b>");
    expect(html).toContain("&lt;b&gt;Ana&lt;/b&gt;");
  });

  it("reads well without a due date or a requester name", async () => {
    const { text, html } = await renderEmail("referral-to-customer", {
      ...referral,
      dueDate: null,
      requester: { name: " ", email: "ana.souza@example.org" },
    });
    expect(text).toContain("Someone has made a privacy request");
    expect(text).toContain("Please answer it.");
    expect(text).not.toContain("Answer the requester by");
    expect(text).toContain("within the deadline under GDPR (European Economic Area)");
    for (const part of [text, html]) expect(part).not.toMatch(/undefined|null|Invalid Date/);
  });

  it("is written in German for German customers, frame and dates included", async () => {
    const email = await renderEmail("referral-to-customer", { ...referral, language: "de" });
    expect(email.subject).toBe("Datenschutzantrag DSR-REFR-0001 für Ihren Workspace Berger Kundendienst");
    expectLink(email, "Antrag öffnen", "https://privacy.example/referrals/referral-token-1");
    const { text, html } = email;
    expect(html).toContain('lang="de"');
    expect(text).toContain("Jexi Datenschutz");
    expect(text).toContain("Bitte beantworten Sie ihn bis zum 15. Januar 2027.");
    expect(text).toContain("Antwort an die antragstellende Person bis: 15. Januar 2027");
    expect(text).toContain("Antragstellende Person: Ana Souza (ana.souza@example.org)");
    expect(text).toContain("Art. 28 Abs. 3 lit. e DSGVO");
    expect(text).toContain("Geben Sie ihn nicht außerhalb Ihres Datenschutzteams weiter");
    expect(text).toContain("Sie erhalten diese E-Mail, weil Sie bei Jexi als Datenschutzkontakt von Blumenhaus Berger GmbH");
    expect(text).toContain(`Datenschutzteam: ${PREVIEW_ORGANIZATION.privacyEmail}`);
    expect(html).toContain("Falls die Schaltfläche nicht funktioniert");
    for (const english of ["Open the request", "Why you receive this", "What to do", "If the button does not work", "Privacy team:"]) {
      expect(html).not.toContain(english);
    }
  });
});

describe("emailLanguage", () => {
  it("writes any of the portal's languages for its codes and English for anything else", () => {
    expect(emailLanguage("de")).toBe("de");
    expect(emailLanguage("de-AT")).toBe("de");
    expect(emailLanguage("DE")).toBe("de");
    expect(emailLanguage("en")).toBe("en");
    expect(emailLanguage("fr")).toBe("fr");
    expect(emailLanguage("es-MX")).toBe("es");
    expect(emailLanguage("pt")).toBe("pt-BR");
    expect(emailLanguage("pt-br")).toBe("pt-BR");
    expect(emailLanguage("it")).toBe("en");
    expect(emailLanguage("dea")).toBe("en");
    expect(emailLanguage("")).toBe("en");
  });
});

describe("referral-reminder", () => {
  const reminder = { ...referral, reminderNumber: 2, sentAt: "2026-12-01T23:30:00.000Z", escalatesAfterThis: false };

  it("says when the request was sent, repeats it and links to it again", async () => {
    const email = await renderEmail("referral-reminder", reminder);
    expect(email.subject).toBe("Reminder: privacy request DSR-REFR-0001 for your workspace Berger Kundendienst");
    expectLink(email, "Open the request", "https://privacy.example/referrals/referral-token-1");
    expect(email.text).toContain(
      "This is reminder 2. On 1 December 2026 we sent you a privacy request (Delete my data) about your workspace Berger Kundendienst, and nobody has acknowledged it yet.",
    );
    expect(email.text).toContain("The requester must have an answer by 15 January 2027.");
    expect(email.text).toContain("Requester: Ana Souza (ana.souza@example.org)");
    expect(email.text).not.toContain("privacy team will take it up");
  });

  it("warns that the operator's privacy team takes over when this is the last reminder", async () => {
    const { text } = await renderEmail("referral-reminder", { ...reminder, escalatesAfterThis: true });
    expect(text).toContain("If the request is still not acknowledged after this reminder, Jexi's privacy team will take it up.");
  });

  it("is written in German for German customers", async () => {
    const email = await renderEmail("referral-reminder", { ...reminder, language: "de", reminderNumber: 1, escalatesAfterThis: true });
    expect(email.subject).toBe("Erinnerung: Datenschutzantrag DSR-REFR-0001 für Ihren Workspace Berger Kundendienst");
    expectLink(email, "Antrag öffnen", "https://privacy.example/referrals/referral-token-1");
    expect(email.html).toContain('lang="de"');
    expect(email.text).toContain("Dies ist Erinnerung 1. Am 1. Dezember 2026 haben wir Ihnen einen Datenschutzantrag");
    expect(email.text).toContain("übernimmt das Datenschutzteam von Jexi den Vorgang");
    expect(email.text).not.toContain("Reminder");
  });
});

// The company that controls the data, as the emails to the requester name it.
const customer = { customerName: "Blumenhaus Berger GmbH", customerContactEmail: "datenschutz@berger.example" };

describe("request-referred", () => {
  const props = {
    ...RequestReferred.PreviewProps,
    ...customer,
    reference: "DSR-REFR-0002",
    workspaceName: "Berger Kundendienst",
    includesOperatorPart: false,
    dueDate: "2027-01-15",
    statusUrl: "https://privacy.example/requests/status/status-token-10",
  };

  it("names the company that controls the data and how to reach it", async () => {
    const email = await renderEmail("request-referred", props);
    expect(email.subject).toBe("Who will answer your request DSR-REFR-0002");
    expectLink(email, "View request status", "https://privacy.example/requests/status/status-token-10");
    expect(email.text).toContain("Blumenhaus Berger GmbH will answer your request");
    expect(email.text).toContain("concerns data in Berger Kundendienst, a service that Blumenhaus Berger GmbH runs with Jexi");
    expect(email.text).toContain("To contact Blumenhaus Berger GmbH about your request, write to datenschutz@berger.example.");
    expect(email.html).toContain('href="mailto:datenschutz@berger.example"');
    expect(email.text).not.toContain("We handle the data we control ourselves");
  });

  it("keeps the company out of the subject", async () => {
    const { subject } = await renderEmail("request-referred", props);
    expect(subject).not.toContain("Berger");
  });

  it("promises an answer about our own data by the due date when we have a part", async () => {
    const { text } = await renderEmail("request-referred", { ...props, includesOperatorPart: true });
    expect(text).toContain("We handle the data we control ourselves and will answer you about it by 15 January 2027.");
    const undated = await renderEmail("request-referred", { ...props, includesOperatorPart: true, dueDate: null });
    expect(undated.text).toContain("We handle the data we control ourselves and will answer you about it.");
  });
});

describe("referral-outcome", () => {
  const props = {
    ...ReferralOutcome.PreviewProps,
    ...customer,
    reference: "DSR-REFR-0003",
    note: "We deleted your chat history.\nInvoices stay for ten years.",
    statusUrl: "https://privacy.example/requests/status/status-token-11",
  };

  it("quotes the company's note line by line when it completed the request", async () => {
    const email = await renderEmail("referral-outcome", { ...props, outcome: "COMPLETED" });
    expect(email.subject).toBe("An answer to your request DSR-REFR-0003");
    expectLink(email, "View request status", "https://privacy.example/requests/status/status-token-11");
    expect(email.text).toContain("Blumenhaus Berger GmbH has completed your request");
    expect(email.text).toContain("We deleted your chat history.\nInvoices stay for ten years.");
    expect(email.html).toContain("We deleted your chat history.</span><span><br/>Invoices stay for ten years.");
    expect(email.text).toContain("Write to them at datenschutz@berger.example.");
    expect(email.text).not.toContain("refused");
    expect(email.text).not.toContain("data protection authority");
  });

  it("sends questions and complaints about a refusal to the company and a data protection authority", async () => {
    const { text, html } = await renderEmail("referral-outcome", { ...props, outcome: "REFUSED" });
    expect(text).toContain("Blumenhaus Berger GmbH has refused your request");
    expect(text).toContain(
      "Questions or complaints about this decision go to Blumenhaus Berger GmbH: write to datenschutz@berger.example.",
    );
    expect(text).toContain("You also have the right to complain to a data protection authority");
    expect(html).toContain('href="mailto:datenschutz@berger.example"');
    expect(text).toContain("We deleted your chat history.");
  });

  it("escapes the note", async () => {
    const { html } = await renderEmail("referral-outcome", { ...props, outcome: "REFUSED", note: "<i>no</i>" });
    expect(html).toContain("&lt;i&gt;no&lt;/i&gt;");
  });
});

describe("referral-escalated", () => {
  const props = {
    org: PREVIEW_ORGANIZATION,
    reference: "DSR-REFR-0004",
    customerName: "Blumenhaus Berger GmbH",
    remindersSent: 2,
    requestUrl: "https://privacy.example/admin/requests/request-id-4",
  };

  it("tells the privacy mailbox which customer stayed silent and links to the request", async () => {
    const email = await renderEmail("referral-escalated", props);
    expect(email.subject).toBe("Blumenhaus Berger GmbH has not acknowledged request DSR-REFR-0004");
    expectLink(email, "Open the request", "https://privacy.example/admin/requests/request-id-4");
    expect(email.text).toContain("Blumenhaus Berger GmbH has not acknowledged it, although we sent 2 reminders.");
    expect(email.text).toContain("take the request over");
    expect(email.text).toContain("You received this because this address is the privacy team's mailbox for Jexi privacy requests.");
  });

  it("counts one reminder in the singular, and none without a clause", async () => {
    const one = await renderEmail("referral-escalated", { ...props, remindersSent: 1 });
    expect(one.text).toContain("although we sent 1 reminder.");
    const none = await renderEmail("referral-escalated", { ...props, remindersSent: 0 });
    expect(none.text).toContain("Blumenhaus Berger GmbH has not acknowledged it.");
  });
});

describe("referral-export-requested", () => {
  it("tells the privacy mailbox which workspace to export and links to the request", async () => {
    const email = await renderEmail("referral-export-requested", {
      org: PREVIEW_ORGANIZATION,
      reference: "DSR-REFR-0005",
      customerName: "Blumenhaus Berger GmbH",
      workspaceName: "Berger Kundendienst",
      requestUrl: "https://privacy.example/admin/requests/request-id-5",
    });
    expect(email.subject).toBe("Blumenhaus Berger GmbH asks for a data export for request DSR-REFR-0005");
    expectLink(email, "Open the request", "https://privacy.example/admin/requests/request-id-5");
    expect(email.text).toContain(
      "asks for an export of the data we hold for it in its workspace Berger Kundendienst",
    );
    expect(email.text).toContain("You received this because this address is the privacy team's mailbox");
  });
});

describe("referral-export-ready", () => {
  const props = {
    org: PREVIEW_ORGANIZATION,
    language: "en",
    customerName: "Blumenhaus Berger GmbH",
    workspaceName: "Berger Kundendienst",
    reference: "DSR-REFR-0006",
    filename: "berger-kundendienst-export.zip",
    downloadUntil: "2027-01-08T23:30:00.000Z",
    referralUrl: "https://privacy.example/referrals/referral-token-6",
  };

  it("says the export is ready, until when, and links to the referral page", async () => {
    const email = await renderEmail("referral-export-ready", props);
    expect(email.subject).toBe("The export for privacy request DSR-REFR-0006 is ready");
    expectLink(email, "Open the request", "https://privacy.example/referrals/referral-token-6");
    expect(email.text).toContain(
      "We have prepared an export of the data we hold for Blumenhaus Berger GmbH in your workspace Berger Kundendienst, to help you answer privacy request DSR-REFR-0006. Download it from the request's page until 8 January 2027 at 23:30 UTC.",
    );
    expect(email.text).toContain("File: berger-kundendienst-export.zip");
    expect(email.text).toContain("Do not forward it outside your privacy team");
    expect(email.text).toContain(`For a new copy, write to ${PREVIEW_ORGANIZATION.privacyEmail} and include the reference DSR-REFR-0006.`);
    expect(email.text).toContain("You received this because you are a privacy contact of Blumenhaus Berger GmbH");
  });

  it("keeps the file's name out of the subject and escapes it in the body", async () => {
    const email = await renderEmail("referral-export-ready", { ...props, filename: "<b>ana</b>.zip" });
    expect(email.subject).not.toContain("ana");
    expect(email.html).not.toContain("<b>ana</b>");
    expect(email.html).toContain("&lt;b&gt;ana&lt;/b&gt;.zip");
  });

  it("is written in German for German customers", async () => {
    const email = await renderEmail("referral-export-ready", { ...props, language: "de" });
    expect(email.subject).toBe("Der Export zum Datenschutzantrag DSR-REFR-0006 ist bereit");
    expectLink(email, "Antrag öffnen", "https://privacy.example/referrals/referral-token-6");
    expect(email.html).toContain('lang="de"');
    expect(email.text).toContain("Laden Sie ihn bis zum 8. Januar 2027 um 23:30 UTC auf der Seite des Antrags herunter.");
    expect(email.text).toContain("Datei: berger-kundendienst-export.zip");
    expect(email.text).toContain("Sie erhalten diese E-Mail, weil Sie bei Jexi als Datenschutzkontakt von Blumenhaus Berger GmbH");
    for (const english of ["Open the request", "Available until", "If the button does not work", "Privacy team:"]) {
      expect(email.html).not.toContain(english);
    }
  });
});
