import { render, toPlainText } from "@react-email/render";
import { createElement, type ComponentType } from "react";
import { colors } from "@/emails/components/styles";
import { getEnv } from "@/lib/env";
import { localiseEmailProps } from "@/lib/mail/localise";
import { EMAIL_TEMPLATES, type EmailProps, type EmailTemplateName } from "@/lib/mail/templates";

export type RenderOptions = {
  /** The operator's accent colour, or null for the portal's own. */
  accent?: string | null;
  /** The request's language, for a requester's email whose props name none (lib/mail/localise.ts). */
  requestLanguage?: string | null;
  /** The portal's address, whose links get the email's language; APP_URL by default. */
  appUrl?: string;
};

export type RenderedEmail = { subject: string; html: string; text: string };

/**
 * One template as the message a mail client gets: HTML plus its own plain-text part. `accent`: the
 * operator's accent colour (Settings → Branding, checked for 4.5:1 against white) for the button and
 * links, in place of the portal's own. Swapped in the HTML rather than passed down as a React
 * context: this module runs in the server's instrumentation graph, where createContext may not be
 * imported, and the templates' inline styles name the portal's colour in exactly those places.
 * The language is worked out here too (lib/mail/localise.ts), so subject, HTML, text and links
 * are all in one.
 */
export async function renderEmail<N extends EmailTemplateName>(name: N, input: EmailProps<N>, options: RenderOptions = {}): Promise<RenderedEmail> {
  const { accent = null } = options;
  const props = localiseEmailProps(name, input, options.appUrl ?? getEnv().APP_URL, options.requestLanguage);
  // The registry is keyed by name, so indexing by a generic N loses the pairing of component and
  // props that EmailProps<N> guarantees at the call site.
  const template = EMAIL_TEMPLATES[name] as unknown as {
    component: ComponentType<EmailProps<N>>;
    subject: (props: EmailProps<N>) => string;
  };
  const rendered = await render(createElement(template.component, props));
  const html = accent ? rendered.replaceAll(colors.accent, accent) : rendered;
  // The text part from the same HTML: render(..., { plainText: true }) would render the whole
  // template a second time to produce it, which was half of the outbox worker's CPU per email.
  return { subject: template.subject(props), html, text: toPlainText(html) };
}
