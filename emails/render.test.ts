import { describe, expect, it } from "vitest";
import { PREVIEW_ORGANIZATION } from "@/emails/components/preview-organization";
import RequestAcknowledged, { subject as acknowledgedSubject } from "@/emails/request-acknowledged";
import VerifyEmail, { subject as verifySubject } from "@/emails/verify-email";
import { renderEmail } from "@/lib/mail/render";
import { EMAIL_TEMPLATE_NAMES, EMAIL_TEMPLATES, type EmailTemplateName } from "@/lib/mail/templates";

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
    expect(email.text).toContain("DSR-7K3M-Q9PX");
    // Who sends it and how to reach them, in both parts.
    for (const part of [email.html, email.text]) {
      expect(part).toContain(PREVIEW_ORGANIZATION.legalName);
      expect(part).toContain("548 Market Street, Suite 100");
      expect(part).toContain("San Francisco, CA 94104");
      expect(part).toContain(PREVIEW_ORGANIZATION.privacyEmail);
    }
    expect(email.text).toContain(
      "You received this because someone submitted a privacy request with this address. If it wasn't you, ignore this email.",
    );
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
