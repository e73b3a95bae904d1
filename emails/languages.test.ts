import { describe, expect, it, vi } from "vitest";
import { PREVIEW_ORGANIZATION } from "@/emails/components/preview-organization";
import { renderEmail } from "@/lib/mail/render";
import { EMAIL_AUDIENCES, EMAIL_TEMPLATE_NAMES, EMAIL_TEMPLATES, type EmailProps, type EmailTemplateName } from "@/lib/mail/templates";

vi.mock("server-only", () => ({}));
const { messagesFor } = await import("@/lib/i18n/messages");

const TRANSLATED = EMAIL_TEMPLATE_NAMES.filter((name) => EMAIL_AUDIENCES[name] === "requester" || EMAIL_AUDIENCES[name] === "customer");

function previewProps<N extends EmailTemplateName>(name: N, language: string): EmailProps<N> {
  const props = (EMAIL_TEMPLATES[name].component as unknown as { PreviewProps: object }).PreviewProps;
  return { ...props, language } as EmailProps<N>;
}

type Tree = { [key: string]: string | Tree };

/**
 * Every run of English words in the emails' catalogue long enough to be a sentence's part
 * ("and include your reference,"), between its placeholders and tags: none may be left over in
 * an email written in another language.
 */
function englishFragments(tree: Tree = messagesFor("en").emails as unknown as Tree): string[] {
  return Object.values(tree).flatMap((value) =>
    typeof value === "string"
      ? value
          .split(/\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|<\/?\w+>/)
          .map((part) => part.trim())
          .filter((part) => part.length >= 14)
      : englishFragments(value),
  );
}

describe.each(["de", "pt-BR"])("every email to a requester or a customer, in %s", (language) => {
  const words = messagesFor(language as "de" | "pt-BR").emails;
  const fragments = englishFragments();

  it.each(TRANSLATED)("%s: subject, HTML and text all in the language, links too", async (name) => {
    const english = await renderEmail(name, previewProps(name, "en"));
    const email = await renderEmail(name, previewProps(name, language));

    expect(email.html).toContain(`lang="${language}"`);
    expect(email.subject).not.toBe(english.subject);
    for (const part of [email.subject, email.text]) {
      const leftOver = fragments.filter((fragment) => part.includes(fragment));
      expect(leftOver).toEqual([]);
    }
    // The frame: who sends it, the privacy mailbox line and the button's fallback.
    expect(email.text).toContain(`${words.layout.privacyTeam} ${PREVIEW_ORGANIZATION.privacyEmail}`);
    expect(email.text).not.toContain("You received this because");
    if (english.html.includes("If the button does not work")) expect(email.html).toContain(words.layout.buttonFallback);
    expect(email.html).not.toContain("If the button does not work");
    // Every link to the portal opens its page in the email's language.
    const links = email.text.match(/http:\/\/localhost:3000\/[^\s\])]*/g) ?? [];
    expect(links.length).toBe((english.text.match(/http:\/\/localhost:3000\//g) ?? []).length);
    for (const link of links) expect(link).toMatch(new RegExp(`^http://localhost:3000/${language}/`));
  });
});

describe("in German", () => {
  it("verify-email: the code's lifetime, a reminder's deadline and the request type", async () => {
    const email = await renderEmail("verify-email", {
      ...previewProps("verify-email", "de"),
      expiresInMinutes: 60,
      dueDate: "2027-01-04",
      reminder: { which: "last", closesAt: "2026-11-20T23:30:00.000Z" },
      org: { ...PREVIEW_ORGANIZATION, timeZone: "Europe/Berlin" },
    });
    expect(email.subject).toBe("Letzte Erinnerung: Bestätigen Sie Ihren Datenschutzantrag DSR-7K3M-Q9PX");
    expect(email.text).toContain("einen Datenschutzantrag (Auskunft über meine Daten) für Jexi erhalten");
    expect(email.text).toContain("Wird sie nicht bis 21. November 2026 um 00:30 MEZ bestätigt");
    expect(email.text).toContain("laufen in 1 Stunde ab");
    expect(email.text).toContain("bis zum 4. Januar 2027 Zeit");
    expect(email.text).toContain("Jexi Datenschutz");
  });

  it("request-acknowledged: the law and the deadline in German", async () => {
    const email = await renderEmail("request-acknowledged", previewProps("request-acknowledged", "de"));
    expect(email.subject).toBe("Ihr Antrag DSR-7K3M-Q9PX ist bei uns eingegangen");
    expect(email.text).toContain("Wir antworten bis zum 22. Dezember 2026, der Frist nach DSGVO");
  });
});

describe("in Brazilian Portuguese", () => {
  it("request-completed: counts, lists and the download deadline", async () => {
    const email = await renderEmail("request-completed", {
      ...previewProps("request-completed", "pt-BR"),
      erasure: { erased: [{ system: "CRM", what: "contato", records: 1 }, { system: "Chat", what: "mensagens", records: 12 }], kept: [] },
      recipientsTold: ["Acme", "Beta"],
    });
    expect(email.subject).toBe("Sua solicitação DSR-7K3M-Q9PX foi concluída");
    expect(email.text).toContain("CRM: contato (1 registro)");
    expect(email.text).toContain("Chat: mensagens (12 registros)");
    expect(email.text).toContain("Baixe-os na página de status da sua solicitação até 29 de dezembro de 2026 às 10:00 UTC.");
    expect(email.text).toContain("Avisamos as outras organizações");
  });
});

describe("a customer's language the portal does not offer", () => {
  it.each(["referral-to-customer", "referral-export-ready", "recipients-changed"] as const)("%s is all English, links pinned to English", async (name) => {
    const italian = await renderEmail(name, previewProps(name, "it"));
    const english = await renderEmail(name, previewProps(name, "en"));
    expect(italian).toEqual(english);
    expect(italian.html).toContain('lang="en"');
    expect(italian.text).toMatch(/http:\/\/localhost:3000\/en\//);
  });
});

describe("the authority to complain to", () => {
  it("is named in the email's language, fitting its sentence", async () => {
    const german = await renderEmail("request-denied", { ...previewProps("request-denied", "de"), jurisdiction: "UK_GDPR", appealAvailable: false });
    expect(german.text).toContain("Sie haben das Recht, sich mit einer Beschwerde an das Information Commissioner's Office (ico.org.uk) zu wenden.");
    const portuguese = await renderEmail("request-denied", { ...previewProps("request-denied", "pt-BR"), jurisdiction: "LGPD", appealAvailable: false });
    expect(portuguese.text).toContain("apresentar uma reclamação perante a ANPD (Autoridade Nacional de Proteção de Dados)");
    const state = await renderEmail("request-denied", { ...previewProps("request-denied", "de"), jurisdiction: "US_STATE", region: "US-VA" });
    expect(state.text).toContain("an den Attorney General (Generalstaatsanwalt) von Virginia (www.oag.state.va.us) zu wenden");
    // An email queued before the law was carried: the English words it holds.
    const older = await renderEmail("request-denied", { ...previewProps("request-denied", "en"), jurisdiction: undefined, regulator: "the PDPC" });
    expect(older.text).toContain("the PDPC");
  });
});

describe("links", () => {
  it("get the language only on the portal's own address, and only once", async () => {
    const email = await renderEmail("request-denied", {
      ...previewProps("request-denied", "fr"),
      statusUrl: "https://privacy.example/requests/status/tok?x=1",
    }, { appUrl: "https://privacy.example" });
    expect(email.text).toContain("https://privacy.example/fr/requests/status/tok?x=1");

    const elsewhere = await renderEmail("request-denied", {
      ...previewProps("request-denied", "fr"),
      statusUrl: "https://other.example/requests/status/tok",
    }, { appUrl: "https://privacy.example" });
    expect(elsewhere.text).toContain("https://other.example/requests/status/tok");
    expect(elsewhere.text).not.toContain("/fr/requests");

    const already = await renderEmail("request-denied", {
      ...previewProps("request-denied", "fr"),
      statusUrl: "https://privacy.example/de/requests/status/tok",
    }, { appUrl: "https://privacy.example" });
    expect(already.text).toContain("https://privacy.example/de/requests/status/tok");
    expect(already.text).not.toContain("/fr/");
  });

  it("of staff emails stay as they are, and the email English", async () => {
    const props = (EMAIL_TEMPLATES["referral-escalated"].component as unknown as { PreviewProps: object }).PreviewProps;
    const email = await renderEmail("referral-escalated", props as never, { requestLanguage: "de" });
    expect(email.text).toContain("http://localhost:3000/admin/requests/preview-request-id");
    expect(email.html).toContain('lang="en"');
  });
});
