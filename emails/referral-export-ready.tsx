import { Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { OrganizationDetails } from "@/lib/organization/types";
import { ButtonWithFallback } from "@/emails/components/button-with-fallback";
import { FactList } from "@/emails/components/fact-list";
import { formatDateTime } from "@/emails/components/format";
import { emailLanguage, type EmailLanguage } from "@/emails/components/language";
import { EmailLayout } from "@/emails/components/layout";
import { MailtoLink } from "@/emails/components/mailto-link";
import { PREVIEW_REFERRAL } from "@/emails/components/preview-referral";
import { CUSTOMER_CONTACT_REASON } from "@/emails/components/referral-brief";
import { heading, paragraph } from "@/emails/components/styles";

/** To a customer's privacy contacts: the workspace export for a referred request is ready. */
export type ReferralExportReadyProps = {
  org: OrganizationDetails;
  /** The customer's language code; "de" gets German, anything else English. */
  language: string;
  customerName: string;
  workspaceName: string;
  reference: string;
  filename: string;
  /** ISO timestamp after which the download no longer works. */
  downloadUntil: string;
  /** A fresh private link to the referral page, where the export downloads. */
  referralUrl: string;
};

type Context = ReferralExportReadyProps & { until: string };

const COPY = {
  en: {
    subject: (p: Context) => `The export for privacy request ${p.reference} is ready`,
    preview: (p: Context) => `Download it from the request's page until ${p.until}.`,
    heading: "Your workspace export is ready",
    intro: (p: Context): ReactNode => (
      <>
        We have prepared an export of the data we hold for {p.customerName} in your workspace {p.workspaceName}, to help you answer
        privacy request <strong>{p.reference}</strong>. Download it from the request&apos;s page until <strong>{p.until}</strong>.
      </>
    ),
    labels: { file: "File", until: "Available until" },
    button: "Open the request",
    keepPrivate: (p: Context) =>
      `The export holds the requester's personal data. The link works while the request is open with you. Do not forward it outside your privacy team: anyone who has it can download the export and answer for ${p.customerName}.`,
    later: (p: Context): ReactNode => (
      <>
        After that date the download stops working. For a new copy, write to <MailtoLink email={p.org.privacyEmail} /> and include the
        reference {p.reference}.
      </>
    ),
  },
  de: {
    subject: (p: Context) => `Der Export zur Datenschutzanfrage ${p.reference} ist bereit`,
    preview: (p: Context) => `Laden Sie ihn bis zum ${p.until} auf der Seite der Anfrage herunter.`,
    heading: "Ihr Workspace-Export ist bereit",
    intro: (p: Context): ReactNode => (
      <>
        Wir haben einen Export der Daten erstellt, die wir für {p.customerName} in Ihrem Workspace {p.workspaceName} speichern, damit
        Sie die Datenschutzanfrage <strong>{p.reference}</strong> beantworten können. Laden Sie ihn bis zum <strong>{p.until}</strong>{" "}
        auf der Seite der Anfrage herunter.
      </>
    ),
    labels: { file: "Datei", until: "Verfügbar bis" },
    button: "Anfrage öffnen",
    keepPrivate: (p: Context) =>
      `Der Export enthält personenbezogene Daten der anfragenden Person. Der Link funktioniert, solange die Anfrage bei Ihnen offen ist. Geben Sie ihn nicht außerhalb Ihres Datenschutzteams weiter: Wer ihn hat, kann den Export herunterladen und für ${p.customerName} antworten.`,
    later: (p: Context): ReactNode => (
      <>
        Danach ist der Download nicht mehr möglich. Für eine neue Kopie schreiben Sie an <MailtoLink email={p.org.privacyEmail} /> und
        nennen Sie die Referenz {p.reference}.
      </>
    ),
  },
} satisfies Record<EmailLanguage, unknown>;

function context(props: ReferralExportReadyProps): { lang: EmailLanguage; p: Context } {
  const lang = emailLanguage(props.language);
  return { lang, p: { ...props, until: formatDateTime(props.downloadUntil, lang, props.org.timeZone) } };
}

// Neither the requester nor the file's name in the subject: subjects show on lock screens.
export function subject(props: ReferralExportReadyProps): string {
  const { lang, p } = context(props);
  return COPY[lang].subject(p);
}

export default function ReferralExportReady(props: ReferralExportReadyProps) {
  const { lang, p } = context(props);
  const copy = COPY[lang];
  return (
    <EmailLayout org={p.org} preview={copy.preview(p)} language={lang} reason={CUSTOMER_CONTACT_REASON[lang](p)}>
      <Text style={heading}>{copy.heading}</Text>
      <Text style={paragraph}>{copy.intro(p)}</Text>
      <FactList
        facts={[
          { label: copy.labels.file, value: p.filename },
          { label: copy.labels.until, value: p.until },
        ]}
      />
      <ButtonWithFallback href={p.referralUrl} language={lang}>
        {copy.button}
      </ButtonWithFallback>
      <Text style={paragraph}>{copy.keepPrivate(p)}</Text>
      <Text style={paragraph}>{copy.later(p)}</Text>
    </EmailLayout>
  );
}

ReferralExportReady.PreviewProps = {
  org: PREVIEW_REFERRAL.org,
  language: "en",
  customerName: PREVIEW_REFERRAL.customerName,
  workspaceName: PREVIEW_REFERRAL.workspaceName,
  reference: PREVIEW_REFERRAL.reference,
  filename: "acme-support-export.zip",
  downloadUntil: "2026-12-29T10:00:00.000Z",
  referralUrl: PREVIEW_REFERRAL.referralUrl,
} satisfies ReferralExportReadyProps;
