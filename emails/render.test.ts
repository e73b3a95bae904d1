import { describe, expect, it } from "vitest";
import { PREVIEW_ORGANIZATION } from "@/emails/components/preview-organization";
import DeadlineExtended from "@/emails/deadline-extended";
import MoreInformationNeeded from "@/emails/more-information-needed";
import RequestAcknowledged, { subject as acknowledgedSubject } from "@/emails/request-acknowledged";
import RequestCompleted from "@/emails/request-completed";
import RequestDenied from "@/emails/request-denied";
import StatusLinkRequested from "@/emails/status-link-requested";
import AgentRequestConfirm from "@/emails/agent-request-confirm";
import AgentRequestRefused from "@/emails/agent-request-refused";
import VerifyEmail, { subject as verifySubject } from "@/emails/verify-email";
import { renderEmail } from "@/lib/mail/render";
import { EMAIL_TEMPLATE_NAMES, EMAIL_TEMPLATES, type EmailTemplateName } from "@/lib/mail/templates";

// Signing in and a change of our subprocessors concern no request, so they alone carry no reference.
const WITHOUT_REFERENCE: ReadonlySet<EmailTemplateName> = new Set(["staff-sign-in", "recipients-changed"]);
// Emails to staff and to customers give their own reason in the footer, not the requester's.
const NOT_TO_REQUESTER: ReadonlySet<EmailTemplateName> = new Set([
  "staff-sign-in",
  "staff-digest",
  "referral-to-customer",
  "referral-reminder",
  "referral-escalated",
  "referral-export-requested",
  "referral-export-ready",
  "referral-workspace-erased",
  "manual-task",
  "manual-task-reminder",
  "manual-task-escalated",
  "recipients-changed",
  "recipient-notice",
  "recipient-notice-escalated",
]);
const REQUESTER_REASON =
  "You received this because someone submitted a privacy request with this address. If it wasn't you, ignore this email.";

function previewProps(name: EmailTemplateName) {
  return (EMAIL_TEMPLATES[name].component as unknown as { PreviewProps: never }).PreviewProps;
}

describe("every registered template", () => {
  it.each(EMAIL_TEMPLATE_NAMES)("%s renders HTML, text and a subject from its preview props", async (name) => {
    const props = previewProps(name);
    expect(props).toBeTruthy();
    const email = await renderEmail(name, props);

    expect(email.html).toMatch(/^<!DOCTYPE html/i);
    expect(email.html).toContain('lang="en"');
    expect(email.subject.length).toBeGreaterThan(0);
    // The text part is a real alternative, not HTML and not the hidden preview line.
    expect(email.text).not.toMatch(/<[a-z]/i);
    expect(email.text).not.toContain("\u200c");
    if (!WITHOUT_REFERENCE.has(name)) expect(email.text).toContain("DSR-7K3M-Q9PX");
    // Who sends it and how to reach them, in both parts.
    for (const part of [email.html, email.text]) {
      expect(part).toContain(PREVIEW_ORGANIZATION.legalName);
      expect(part).toContain("548 Market Street, Suite 100");
      expect(part).toContain("San Francisco, CA 94104");
      expect(part).toContain(PREVIEW_ORGANIZATION.privacyEmail);
      // A missing prop shows up as a stray word in what the reader sees.
      expect(part).not.toMatch(/\bundefined\b|\bnull\b|\bNaN\b|Invalid Date|\[object Object\]/);
    }
    expect(email.text).toContain("You received this because");
    if (NOT_TO_REQUESTER.has(name)) expect(email.text).not.toContain(REQUESTER_REASON);
    else expect(email.text).toContain(REQUESTER_REASON);
  });
});

describe("verify-email", () => {
  const props = {
    ...VerifyEmail.PreviewProps,
    reference: "DSR-AAAA-BBBB",
    code: "007123",
    verifyUrl: "https://privacy.example/verify/link-token-1?x=1&y=2",
    statusUrl: "https://privacy.example/status/status-token-1",
    expiresInMinutes: 15,
  };

  it("puts the code, both links and the expiry in the text part", async () => {
    const { text, html, subject } = await renderEmail("verify-email", props);
    expect(subject).toBe("Confirm your privacy request DSR-AAAA-BBBB");
    expect(text).toContain("007123");
    expect(text).toContain("Confirm my email https://privacy.example/verify/link-token-1?x=1&y=2");
    expect(text).toContain("https://privacy.example/status/status-token-1");
    expect(text).toContain("expire in 15 minutes");
    expect(text).toContain("DSR-AAAA-BBBB");
    expect(html).toContain('href="https://privacy.example/verify/link-token-1?x=1&amp;y=2"');
    expect(html).toContain(">007123<");
  });

  it("says one minute, not one minutes", async () => {
    const { text } = await renderEmail("verify-email", { ...props, expiresInMinutes: 1 });
    expect(text).toContain("expire in 1 minute.");
  });

  it("escapes operator and request text instead of injecting markup", async () => {
    const { html } = await renderEmail("verify-email", {
      ...props,
      org: { ...PREVIEW_ORGANIZATION, legalName: "<script>alert(1)</script> Ltd" },
    });
    expect(html).not.toContain("<script>alert(1)");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; Ltd");
  });

  it("subject carries the reference and nothing personal", () => {
    expect(verifySubject(props)).toBe("Confirm your privacy request DSR-AAAA-BBBB");
  });

  it("as a reminder, says so, says when the request closes, and gives the code's longer life", async () => {
    const reminder = { ...props, expiresInMinutes: 1440, reminder: { which: "first" as const, closesAt: "2026-03-08T10:00:00.000Z" } };
    const first = await renderEmail("verify-email", reminder);
    expect(first.subject).toBe("Reminder: confirm your privacy request DSR-AAAA-BBBB");
    expect(first.text).toContain("We still need you to confirm your email address");
    expect(first.text).toContain("If it is not confirmed by 8 March 2026 at 10:00 UTC, we close the request");
    expect(first.text).toContain("expire in 24 hours");
    expect(first.text).toContain("007123");
    const last = await renderEmail("verify-email", { ...reminder, reminder: { ...reminder.reminder, which: "last" } });
    expect(last.subject).toBe("Last reminder: confirm your privacy request DSR-AAAA-BBBB");
    expect(last.text).toContain("This is our last reminder.");
    expect(first.text).not.toContain("last reminder");
  });
});

describe("request-acknowledged", () => {
  const props = {
    ...RequestAcknowledged.PreviewProps,
    reference: "DSR-CCCC-DDDD",
    receivedAt: "2026-03-31T23:30:00.000Z",
    dueDate: "2026-04-30",
    regimeLabel: "CCPA/CPRA (California)",
    statusUrl: "https://privacy.example/status/status-token-2",
    verificationRequired: false,
  };

  it("gives the due date, the law, the status link and the privacy contact", async () => {
    const { text, subject } = await renderEmail("request-acknowledged", props);
    expect(subject).toBe("We have your request DSR-CCCC-DDDD");
    expect(text).toContain("31 March 2026 at 23:30 UTC");
    expect(text).toContain("We will answer by 30 April 2026, the deadline under CCPA/CPRA (California)");
    expect(text).toContain("https://privacy.example/status/status-token-2");
    expect(text).toContain(`privacy team at ${PREVIEW_ORGANIZATION.privacyEmail}`);
    expect(text).toContain("DSR-CCCC-DDDD");
    expect(text).not.toContain("separate email with a code");
  });

  it("asks for the email confirmation first when it is still needed", async () => {
    const { text } = await renderEmail("request-acknowledged", { ...props, verificationRequired: true });
    expect(text).toContain("separate email with a code");
  });

  it("names the data protection officer when there is one", async () => {
    const { text } = await renderEmail("request-acknowledged", {
      ...props,
      org: { ...PREVIEW_ORGANIZATION, dpoName: "Dana Ortiz", dpoEmail: "dpo@jexi.com" },
    });
    expect(text).toContain("data protection officer, Dana Ortiz, at dpo@jexi.com");
  });

  it("subject carries the reference", () => {
    expect(acknowledgedSubject(props)).toBe("We have your request DSR-CCCC-DDDD");
  });
});

describe("more-information-needed", () => {
  const props = {
    ...MoreInformationNeeded.PreviewProps,
    reference: "DSR-EEEE-FFFF",
    question: "Which workspace did you use?\nAnd roughly when?",
    statusUrl: "https://privacy.example/requests/status/status-token-3",
  };

  it("quotes the question line by line and says to answer on the status page", async () => {
    const { text, html, subject } = await renderEmail("more-information-needed", props);
    expect(subject).toBe("We need more information about your request DSR-EEEE-FFFF");
    expect(text).toContain("Which workspace did you use?\nAnd roughly when?");
    expect(text).toContain("write your answer in the form there");
    expect(text).toContain("Answer on the status page https://privacy.example/requests/status/status-token-3");
    expect(html).toContain("Which workspace did you use?</span><span><br/>And roughly when?");
  });

  it("keeps the question out of the subject and escapes it in the body", async () => {
    const { html, subject } = await renderEmail("more-information-needed", { ...props, question: "<b>bold</b> claim" });
    expect(subject).not.toContain("bold");
    expect(html).toContain("&lt;b&gt;bold&lt;/b&gt; claim");
  });
});

describe("deadline-extended", () => {
  const props = {
    ...DeadlineExtended.PreviewProps,
    reference: "DSR-GGGG-HHHH",
    originalDueDate: "2027-01-04",
    newDueDate: "2027-02-18",
    reason: "We are collecting your data from three customers' workspaces.",
    regimeLabel: "CCPA/CPRA (California)",
    statusUrl: "https://privacy.example/requests/status/status-token-4",
  };

  it("gives the new and the original date, the law and the reason", async () => {
    const { text, subject } = await renderEmail("deadline-extended", props);
    expect(subject).toBe("We need more time for your request DSR-GGGG-HHHH");
    expect(text).toContain("We will now answer by 18 February 2027 instead of 4 January 2027.");
    expect(text).toContain("CCPA/CPRA (California) allows us to extend the deadline once");
    expect(text).toContain("We are collecting your data from three customers' workspaces.");
    expect(text).toContain("https://privacy.example/requests/status/status-token-4");
  });
});

describe("request-denied", () => {
  const props = {
    ...RequestDenied.PreviewProps,
    reference: "DSR-JJJJ-KKKK",
    reason: "We could not confirm that the account is yours.",
    regulator: "your state's Attorney General",
    appealAvailable: true,
    isAppeal: false,
    statusUrl: "https://privacy.example/requests/status/status-token-5",
  };

  it("gives the reason, how to appeal from the status page and the regulator", async () => {
    const { text, subject } = await renderEmail("request-denied", props);
    expect(subject).toBe("Our answer to your request DSR-JJJJ-KKKK");
    expect(text).toContain("We could not confirm that the account is yours.");
    expect(text).toContain("Appeal this decision");
    expect(text).toContain("choose \"Appeal this decision\", within a reasonable time");
    expect(text).toContain("Open the status page to appeal https://privacy.example/requests/status/status-token-5");
    expect(text).toContain("Whether or not you appeal, you have the right to complain to your state's Attorney General.");
  });

  it("offers no appeal where the law gives none, naming the regulator", async () => {
    const { text } = await renderEmail("request-denied", {
      ...props,
      appealAvailable: false,
      regulator: "the Information Commissioner's Office (ico.org.uk)",
      jurisdiction: "UK_GDPR",
    });
    expect(text).not.toContain("Appeal");
    expect(text).toContain("You have the right to complain to the Information Commissioner's Office (ico.org.uk).");
  });

  it("words the refusal of an appeal as final", async () => {
    const { text, subject } = await renderEmail("request-denied", { ...props, appealAvailable: false, isAppeal: true });
    expect(subject).toBe("Our decision on your appeal DSR-JJJJ-KKKK");
    expect(text).toContain("We reviewed your appeal, reference DSR-JJJJ-KKKK, and we are keeping our original decision.");
    expect(text).toContain("You have the right to complain to your state's Attorney General.");
  });
});

describe("request-completed", () => {
  const props = {
    ...RequestCompleted.PreviewProps,
    reference: "DSR-MMMM-NNNN",
    statusUrl: "https://privacy.example/requests/status/status-token-6",
  };

  it("says the data can be downloaded from the status page until a date", async () => {
    const { text, subject } = await renderEmail("request-completed", {
      ...props,
      outcome: null,
      downloadUntil: "2026-12-29T10:00:00.000Z",
    });
    expect(subject).toBe("Your request DSR-MMMM-NNNN is complete");
    expect(text).toContain("Download it from your request's status page until 29 December 2026 at 10:00 UTC.");
    expect(text).toContain("Download my data https://privacy.example/requests/status/status-token-6");
    expect(text).not.toContain("What we did");
  });

  it("says what was done when there is nothing to download", async () => {
    const { text } = await renderEmail("request-completed", {
      ...props,
      outcome: "We erased your account and its conversations.",
      downloadUntil: null,
    });
    expect(text).toContain("What we did");
    expect(text).toContain("We erased your account and its conversations.");
    expect(text).not.toContain("Download");
    expect(text).toContain("View request status https://privacy.example/requests/status/status-token-6");
  });

  it("lists what an erasure erased and what it kept, with the reason", async () => {
    const { text } = await renderEmail("request-completed", {
      ...props,
      outcome: null,
      downloadUntil: null,
      erasure: {
        erased: [{ system: "Jexi product database", what: "Support tickets: deleted", records: 3 }],
        kept: [{ system: "Jexi product database", what: "Billing contacts: email, name", reason: "Invoices are kept 10 years for tax law." }],
      },
    });
    expect(text).toContain("What we erased");
    expect(text).toContain("Jexi product database: Support tickets: deleted (3 records)");
    expect(text).toContain("What we kept, and why");
    expect(text).toContain("Jexi product database: Billing contacts: email, name. Invoices are kept 10 years for tax law.");
  });
});

describe("status-link-requested", () => {
  const props = {
    ...StatusLinkRequested.PreviewProps,
    reference: "DSR-PPPP-QQQQ",
    statusUrl: "https://privacy.example/requests/status/status-token-7",
  };

  it("carries the new link and, for a closed request, until when it works", async () => {
    const { text, subject } = await renderEmail("status-link-requested", { ...props, linkValidUntil: "2027-03-01T10:15:00.000Z" });
    expect(subject).toBe("New link to your privacy request DSR-PPPP-QQQQ");
    expect(text).toContain("View request status https://privacy.example/requests/status/status-token-7");
    expect(text).toContain("this link works until 1 March 2027");
  });

  it("names the day the link ends in the operator's time zone", async () => {
    const org = { ...props.org, timeZone: "America/Los_Angeles" };
    const { text } = await renderEmail("status-link-requested", { ...props, org, linkValidUntil: "2027-03-01T03:00:00.000Z" });
    expect(text).toContain("this link works until 28 February 2027");
  });

  it("names no end while the request is open", async () => {
    const { text } = await renderEmail("status-link-requested", { ...props, linkValidUntil: null });
    expect(text).not.toContain("works until");
  });
});

describe("agent-request-confirm", () => {
  it("names the agent and the request, links to the decision page and says when it closes", async () => {
    const { text, subject } = await renderEmail("agent-request-confirm", {
      ...AgentRequestConfirm.PreviewProps,
      reference: "DSR-AAAA-BBBB",
      confirmUrl: "https://privacy.example/requests/confirm/confirm-token-1",
    });
    expect(subject).toBe("Did you ask someone to make a privacy request for you? (DSR-AAAA-BBBB)");
    expect(text).toContain("Priya Natarajan of OptOut Helpers LLC told us that you authorised them");
    expect(text).toContain("https://privacy.example/requests/confirm/confirm-token-1");
    expect(text).toMatch(/the request closes on .*2027/);
  });

  it("leaves out an organisation the agent did not give", async () => {
    const { text } = await renderEmail("agent-request-confirm", { ...AgentRequestConfirm.PreviewProps, agentOrganisation: null });
    expect(text).toContain("Priya Natarajan told us that you authorised them");
  });
});

describe("agent-request-refused", () => {
  it("tells the agent the request is closed and why", async () => {
    const { text, subject } = await renderEmail("agent-request-refused", { ...AgentRequestRefused.PreviewProps, reference: "DSR-AAAA-BBBB" });
    expect(subject).toBe("Privacy request DSR-AAAA-BBBB is closed: not confirmed by the consumer");
    expect(text).toContain("they told us they did not");
  });
});
