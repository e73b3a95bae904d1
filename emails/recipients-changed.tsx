import { Text } from "@react-email/components";
import { Fragment } from "react";
import type { OrganizationDetails } from "@/lib/organization/types";
import type { RecipientChange, RecipientField } from "@/lib/recipients/change-log";
import { ButtonWithFallback } from "@/emails/components/button-with-fallback";
import { FactList, type Fact } from "@/emails/components/fact-list";
import { formatDate } from "@/emails/components/format";
import { emailLanguage, type EmailLanguage } from "@/emails/components/language";
import { EmailLayout } from "@/emails/components/layout";
import { PREVIEW_ORGANIZATION } from "@/emails/components/preview-organization";
import { heading, paragraph, subheading } from "@/emails/components/styles";

/** To the privacy contacts of a customer who asked for it: the list of recipients changed. */
export type RecipientsChangedProps = {
  org: OrganizationDetails;
  /** The customer's language code; "de" gets German, anything else English. */
  language: string;
  customerName: string;
  /** ISO timestamp of the change. */
  changedAt: string;
  changes: RecipientChange[];
  /** The public page listing every recipient and the change log. */
  recipientsUrl: string;
};

type Context = RecipientsChangedProps & { on: string };

const COPY = {
  en: {
    subject: (p: Context) => `${p.org.productName}: our list of subprocessors has changed`,
    preview: (p: Context) => `What changed on ${p.on}, and where to see the whole list.`,
    heading: "Our list of subprocessors has changed",
    intro: (p: Context) =>
      `You asked to be told when the third parties and subprocessors that receive personal data from ${p.org.productName} change. On ${p.on} we changed our list as follows.`,
    kind: { added: "Added", removed: "Removed", changed: "Changed" } satisfies Record<RecipientChange["kind"], string>,
    labels: { name: "Name", purpose: "Purpose", country: "Country" } satisfies Record<RecipientField, string>,
    notStated: "not stated",
    was: (from: string) => `(was: ${from})`,
    button: "See the whole list",
    questions: (p: Context) => `Questions, or an objection under your data processing agreement: write to ${p.org.privacyEmail}.`,
    reason: (p: Context) => `You received this because ${p.customerName} asked to be told when our list of subprocessors changes, and you are one of its privacy contacts.`,
  },
  de: {
    subject: (p: Context) => `${p.org.productName}: Unsere Liste der Unterauftragsverarbeiter hat sich geändert`,
    preview: (p: Context) => `Was sich am ${p.on} geändert hat und wo Sie die ganze Liste finden.`,
    heading: "Unsere Liste der Unterauftragsverarbeiter hat sich geändert",
    intro: (p: Context) =>
      `Sie möchten erfahren, wenn sich die Dritten und Unterauftragsverarbeiter ändern, die personenbezogene Daten von ${p.org.productName} erhalten. Am ${p.on} haben wir unsere Liste so geändert:`,
    kind: { added: "Neu", removed: "Entfernt", changed: "Geändert" } satisfies Record<RecipientChange["kind"], string>,
    labels: { name: "Name", purpose: "Zweck", country: "Land" } satisfies Record<RecipientField, string>,
    notStated: "nicht angegeben",
    was: (from: string) => `(bisher: ${from})`,
    button: "Ganze Liste ansehen",
    questions: (p: Context) => `Fragen oder Einwände nach Ihrem Auftragsverarbeitungsvertrag: Schreiben Sie an ${p.org.privacyEmail}.`,
    reason: (p: Context) => `Sie erhalten diese E-Mail, weil ${p.customerName} über Änderungen unserer Unterauftragsverarbeiter informiert werden möchte und Sie dort als Datenschutzkontakt hinterlegt sind.`,
  },
} satisfies Record<EmailLanguage, unknown>;

function context(props: RecipientsChangedProps): { lang: EmailLanguage; p: Context } {
  const lang = emailLanguage(props.language);
  return { lang, p: { ...props, on: formatDate(props.changedAt, lang, props.org.timeZone) } };
}

export function subject(props: RecipientsChangedProps): string {
  const { lang, p } = context(props);
  return COPY[lang].subject(p);
}

/** Purpose and country as listed now, each with what it was when the change is to it. */
function facts(change: RecipientChange, copy: (typeof COPY)[EmailLanguage]): Fact[] {
  const was = new Map(change.changes.map((c) => [c.field, c.from]));
  return (["purpose", "country"] as const).map((field) => {
    const value = change[field] ?? copy.notStated;
    const before = was.has(field) ? (was.get(field) ?? copy.notStated) : null;
    return { label: copy.labels[field], value: before === null ? value : `${value} ${copy.was(before)}` };
  });
}

export default function RecipientsChanged(props: RecipientsChangedProps) {
  const { lang, p } = context(props);
  const copy = COPY[lang];
  return (
    <EmailLayout org={p.org} preview={copy.preview(p)} language={lang} reason={copy.reason(p)}>
      <Text style={heading}>{copy.heading}</Text>
      <Text style={paragraph}>{copy.intro(p)}</Text>
      {p.changes.map((change, index) => {
        const renamed = change.changes.find((c) => c.field === "name");
        return (
          <Fragment key={index}>
            <Text style={subheading}>
              {copy.kind[change.kind]}: {change.name}
              {renamed?.from ? ` ${copy.was(renamed.from)}` : ""}
            </Text>
            <FactList facts={facts(change, copy)} />
          </Fragment>
        );
      })}
      <ButtonWithFallback href={p.recipientsUrl} language={lang}>
        {copy.button}
      </ButtonWithFallback>
      <Text style={paragraph}>{copy.questions(p)}</Text>
    </EmailLayout>
  );
}

RecipientsChanged.PreviewProps = {
  org: PREVIEW_ORGANIZATION,
  language: "en",
  customerName: "Acme Retail GmbH",
  changedAt: "2026-11-28T10:00:00.000Z",
  changes: [
    { kind: "added", name: "Transactional email provider", purpose: "Delivering the emails Jexi sends", country: "United States", changes: [] },
    { kind: "changed", name: "Error monitoring", purpose: "Finding and fixing errors in the Jexi app", country: "Germany", changes: [{ field: "country", from: "United States", to: "Germany" }] },
  ],
  recipientsUrl: "http://localhost:3000/privacy/recipients",
} satisfies RecipientsChangedProps;
