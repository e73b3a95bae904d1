import { Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { OrganizationDetails } from "@/lib/organization/types";
import { ButtonWithFallback } from "@/emails/components/button-with-fallback";
import { FactList } from "@/emails/components/fact-list";
import { emailLanguage, type EmailLanguage } from "@/emails/components/language";
import { EmailLayout } from "@/emails/components/layout";
import { MailtoLink } from "@/emails/components/mailto-link";
import { PREVIEW_REFERRAL } from "@/emails/components/preview-referral";
import { CUSTOMER_CONTACT_REASON } from "@/emails/components/referral-brief";
import { heading, paragraph } from "@/emails/components/styles";

/**
 * To a customer's privacy contacts: the erasure it approved on its referral page is done, in its
 * workspace only, with the proof (every erased row looked up again afterwards). Counts only: the
 * requester's data is gone, and the email need not carry it.
 */
export type ReferralWorkspaceErasedProps = {
  org: OrganizationDetails;
  /** The customer's language code; "de" gets German, anything else English. */
  language: string;
  customerName: string;
  workspaceName: string;
  reference: string;
  /** Rows the databases deleted or changed. */
  rows: number;
  /** Rows looked up again afterwards, and those that still held what was to be erased. */
  checked: number;
  left: number;
  collections: { name: string; checked: number; left: number }[];
  /** A fresh link to the referral page; null when the referral was closed meanwhile. */
  referralUrl: string | null;
};

const COPY = {
  en: {
    subject: (p: ReferralWorkspaceErasedProps) => `Privacy request ${p.reference}: the data in your workspace is erased`,
    preview: (p: ReferralWorkspaceErasedProps) => `The erasure you approved in ${p.workspaceName} is done and checked.`,
    heading: "The erasure you approved is done",
    intro: (p: ReferralWorkspaceErasedProps): ReactNode => (
      <>
        You approved the erasure of the requester&apos;s data in your workspace {p.workspaceName} for privacy request{" "}
        <strong>{p.reference}</strong>. We have carried it out: {rowsEn(p.rows)} deleted or changed, as the dry run you approved showed.
        Nothing outside {p.workspaceName} was touched: not your other workspaces, and not {p.org.legalName}&apos;s own records.
      </>
    ),
    proof: (p: ReferralWorkspaceErasedProps) =>
      p.left === 0
        ? `Checked afterwards: we looked up all ${rowsEn(p.checked)} again, and none still holds what was erased.`
        : `Checked afterwards: of ${rowsEn(p.checked)} looked up again, ${rowsEn(p.left)} still ${p.left === 1 ? "holds" : "hold"} what was to be erased. Our privacy team is looking into it.`,
    line: (c: { checked: number; left: number }) => `${rowsEn(c.checked)} erased, ${c.left === 0 ? "none left" : `${c.left} still holding erased data`}`,
    perCollection: "Per collection:",
    button: "Open the request",
    next: (p: ReferralWorkspaceErasedProps) =>
      `You can now tell the requester that their data in ${p.workspaceName} is erased, and close the request on its page.`,
    questions: (p: ReferralWorkspaceErasedProps): ReactNode => (
      <>
        Questions? Write to <MailtoLink email={p.org.privacyEmail} /> and include the reference {p.reference}.
      </>
    ),
  },
  de: {
    subject: (p: ReferralWorkspaceErasedProps) => `Datenschutzanfrage ${p.reference}: die Daten in Ihrem Workspace sind gelöscht`,
    preview: (p: ReferralWorkspaceErasedProps) => `Die Löschung, die Sie in ${p.workspaceName} freigegeben haben, ist erledigt und geprüft.`,
    heading: "Die freigegebene Löschung ist erledigt",
    intro: (p: ReferralWorkspaceErasedProps): ReactNode => (
      <>
        Sie haben die Löschung der Daten der anfragenden Person in Ihrem Workspace {p.workspaceName} zur Datenschutzanfrage{" "}
        <strong>{p.reference}</strong> freigegeben. Wir haben sie ausgeführt: {rowsDe(p.rows)} gelöscht oder geändert, wie im
        Probelauf angezeigt. Außerhalb von {p.workspaceName} wurde nichts verändert: weder Ihre anderen Workspaces noch die eigenen
        Daten von {p.org.legalName}.
      </>
    ),
    proof: (p: ReferralWorkspaceErasedProps) =>
      p.left === 0
        ? `Danach geprüft: Wir haben alle ${rowsDe(p.checked)} erneut abgefragt, keine enthält noch gelöschte Daten.`
        : `Danach geprüft: Von ${rowsDe(p.checked)} enthalten ${rowsDe(p.left)} noch zu löschende Daten. Unser Datenschutzteam geht dem nach.`,
    line: (c: { checked: number; left: number }) => `${rowsDe(c.checked)} gelöscht, ${c.left === 0 ? "keine übrig" : `${c.left} mit verbliebenen Daten`}`,
    perCollection: "Je Sammlung:",
    button: "Anfrage öffnen",
    next: (p: ReferralWorkspaceErasedProps) =>
      `Sie können der anfragenden Person nun mitteilen, dass ihre Daten in ${p.workspaceName} gelöscht sind, und die Anfrage auf ihrer Seite abschließen.`,
    questions: (p: ReferralWorkspaceErasedProps): ReactNode => (
      <>
        Fragen? Schreiben Sie an <MailtoLink email={p.org.privacyEmail} /> und nennen Sie die Referenz {p.reference}.
      </>
    ),
  },
} satisfies Record<EmailLanguage, unknown>;

function rowsEn(n: number): string {
  return `${n} ${n === 1 ? "row" : "rows"}`;
}

function rowsDe(n: number): string {
  return `${n} ${n === 1 ? "Zeile" : "Zeilen"}`;
}

// No requester in the subject: subjects show on lock screens.
export function subject(props: ReferralWorkspaceErasedProps): string {
  return COPY[emailLanguage(props.language)].subject(props);
}

export default function ReferralWorkspaceErased(p: ReferralWorkspaceErasedProps) {
  const lang = emailLanguage(p.language);
  const copy = COPY[lang];
  return (
    <EmailLayout org={p.org} preview={copy.preview(p)} language={lang} reason={CUSTOMER_CONTACT_REASON[lang](p)}>
      <Text style={heading}>{copy.heading}</Text>
      <Text style={paragraph}>{copy.intro(p)}</Text>
      <Text style={paragraph}>{copy.proof(p)}</Text>
      {p.collections.length ? (
        <>
          <Text style={paragraph}>
            <strong>{copy.perCollection}</strong>
          </Text>
          <FactList facts={p.collections.map((c) => ({ label: c.name, value: copy.line(c) }))} />
        </>
      ) : null}
      <Text style={paragraph}>{copy.next(p)}</Text>
      {p.referralUrl ? (
        <ButtonWithFallback href={p.referralUrl} language={lang}>
          {copy.button}
        </ButtonWithFallback>
      ) : null}
      <Text style={paragraph}>{copy.questions(p)}</Text>
    </EmailLayout>
  );
}

ReferralWorkspaceErased.PreviewProps = {
  org: PREVIEW_REFERRAL.org,
  language: "en",
  customerName: PREVIEW_REFERRAL.customerName,
  workspaceName: PREVIEW_REFERRAL.workspaceName,
  reference: PREVIEW_REFERRAL.reference,
  rows: 4,
  checked: 4,
  left: 0,
  collections: [
    { name: "end_users", checked: 1, left: 0 },
    { name: "conversations", checked: 1, left: 0 },
    { name: "messages", checked: 2, left: 0 },
  ],
  referralUrl: PREVIEW_REFERRAL.referralUrl,
} satisfies ReferralWorkspaceErasedProps;
