import { render, toPlainText } from "@react-email/render";
import { createElement, type ComponentType } from "react";
import { EmailAccent } from "@/emails/components/accent";
import { EMAIL_TEMPLATES, type EmailProps, type EmailTemplateName } from "@/lib/mail/templates";

export type RenderedEmail = { subject: string; html: string; text: string };

/**
 * One template as the message a mail client gets: HTML plus its own plain-text part. `accent`: the
 * operator's accent colour for the button (Settings → Branding), or the portal's own.
 */
export async function renderEmail<N extends EmailTemplateName>(name: N, props: EmailProps<N>, { accent = null }: { accent?: string | null } = {}): Promise<RenderedEmail> {
  // The registry is keyed by name, so indexing by a generic N loses the pairing of component and
  // props that EmailProps<N> guarantees at the call site.
  const template = EMAIL_TEMPLATES[name] as unknown as {
    component: ComponentType<EmailProps<N>>;
    subject: (props: EmailProps<N>) => string;
  };
  const html = await render(createElement(EmailAccent.Provider, { value: accent }, createElement(template.component, props)));
  // The text part from the same HTML: render(..., { plainText: true }) would render the whole
  // template a second time to produce it, which was half of the outbox worker's CPU per email.
  return { subject: template.subject(props), html, text: toPlainText(html) };
}
