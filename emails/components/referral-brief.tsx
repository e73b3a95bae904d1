import { Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { OrganizationDetails } from "@/lib/organization/types";
import { ButtonWithFallback } from "@/emails/components/button-with-fallback";
import { FactList, type Fact } from "@/emails/components/fact-list";
import { formatDate } from "@/emails/components/format";
import { emailLanguage, type EmailLanguage } from "@/emails/components/language";
import { EmailLayout } from "@/emails/components/layout";
import { MailtoLink } from "@/emails/components/mailto-link";
import { heading, paragraph, subheading } from "@/emails/components/styles";
import { revealBidiControls } from "@/lib/text/bidi";

/** What a customer's privacy contacts are told about a request referred to them. */
export type ReferralBriefProps = {
  org: OrganizationDetails;
  /** The customer's language code; "de" gets German, anything else English. */
  language: string;
  customerName: string;
  workspaceName: string;
  reference: string;
  requestTypeLabel: string;
  /** The law whose deadline applies ("GDPR (European Economic Area)"). */
  regimeLabel: string;
  /** ISO date ("2026-12-22") by which the requester must have an answer; null if not set yet. */
  dueDate: string | null;
  requester: { name: string; email: string };
  /** How the requester says they know the operator, as the request form labels it. */
  relationship: string;
  /** The request's details as the requester gave them ("What should be deleted: Everything"). */
  details: { label: string; value: string }[];
  /** The operator also answers, separately, for data it controls itself. */
  includesOperatorPart: boolean;
  /** The customer's private link to the referral page. */
  referralUrl: string;
};

/** The props with what every part of the message needs spelled out in the customer's language. */
export type ReferralContext<P extends ReferralBriefProps = ReferralBriefProps> = P & {
  /** The due date as the reader writes dates, or null. */
  due: string | null;
  /** The requester's name, or "someone" when the request has none. */
  requesterName: string;
};

/** A template's own opening: what it says before the shared brief. */
export type ReferralOpening = {
  subject: string;
  preview: string;
  heading: string;
  intro: string;
  /** A sentence that must not be missed, set in bold after the intro. */
  notice?: string | null;
};

/** A template's opening in each language. */
export type ReferralOpenings<P extends ReferralBriefProps> = Record<EmailLanguage, (p: ReferralContext<P>) => ReferralOpening>;

type Context = ReferralContext & { mail: ReactNode };

/** The footer of every email to a customer's privacy contacts: why they get it. */
export const CUSTOMER_CONTACT_REASON: Record<EmailLanguage, (p: { customerName: string; org: OrganizationDetails }) => string> = {
  en: (p) => `You received this because you are a privacy contact of ${p.customerName} for its ${p.org.productName} workspaces.`,
  de: (p) => `Sie erhalten diese E-Mail, weil Sie bei ${p.org.productName} als Datenschutzkontakt von ${p.customerName} hinterlegt sind.`,
};

const COPY = {
  en: {
    reason: CUSTOMER_CONTACT_REASON.en,
    someone: "Someone",
    why: "Why you receive this",
    controller: (p: Context) =>
      `You decide what happens to the content of your ${p.org.productName} workspaces: under your data processing agreement with ${p.org.legalName}, ${p.customerName} is the controller of that data and we are its processor. The request is therefore yours to answer, and we help you with it, as Article 28(3)(e) GDPR requires.`,
    operatorPart: (p: Context) =>
      `We answer the requester ourselves about the data ${p.org.productName} controls, so you only need to answer for your workspace.`,
    request: "The request",
    labels: {
      reference: "Reference",
      request: "Request",
      law: "Law",
      dueBy: "Answer the requester by",
      requester: "Requester",
      relationship: "Relationship",
      workspace: "Workspace",
    },
    detailsHeading: "What the requester told us",
    todo: "What to do",
    steps: (p: Context): ReactNode[] => [
      "Open the request with the button below and acknowledge it, so we know it has reached the right people.",
      <>
        Answer the requester directly {p.due ? <>by <strong>{p.due}</strong>, the deadline under {p.regimeLabel}</> : <>within the deadline under {p.regimeLabel}</>}.
        If you need the data we hold for you in {p.workspaceName}, ask us for an export on the same page.
      </>,
      "Mark the request completed or refused, with a note. The requester sees your note, so write it to them.",
    ],
    button: "Open the request",
    keepPrivate: (p: Context) =>
      `The link works while the request is open with you. Do not forward it outside your privacy team: anyone who has it can answer for ${p.customerName}.`,
    questions: (p: Context) => <>Questions about this request? Write to <MailtoLink email={p.org.privacyEmail} /> and include the reference {p.reference}.</>,
  },
  de: {
    reason: CUSTOMER_CONTACT_REASON.de,
    someone: "Eine Person",
    why: "Warum Sie diese E-Mail erhalten",
    controller: (p: Context) =>
      `Über die Inhalte Ihrer ${p.org.productName}-Workspaces entscheiden Sie: Nach Ihrem Auftragsverarbeitungsvertrag mit ${p.org.legalName} ist ${p.customerName} für diese Daten Verantwortlicher und wir sind Auftragsverarbeiter. Die Anfrage zu beantworten ist daher Ihre Aufgabe; wir unterstützen Sie dabei nach Art. 28 Abs. 3 lit. e DSGVO.`,
    operatorPart: (p: Context) =>
      `Zu den Daten, für die ${p.org.productName} selbst verantwortlich ist, antworten wir der anfragenden Person selbst. Sie beantworten nur den Teil, der Ihren Workspace betrifft.`,
    request: "Die Anfrage",
    labels: {
      reference: "Referenz",
      request: "Anfrage",
      law: "Geltendes Recht",
      dueBy: "Antwort an die anfragende Person bis",
      requester: "Anfragende Person",
      relationship: "Beziehung",
      workspace: "Workspace",
    },
    detailsHeading: "Angaben der anfragenden Person",
    todo: "Was zu tun ist",
    steps: (p: Context): ReactNode[] => [
      "Öffnen Sie die Anfrage über die Schaltfläche unten und bestätigen Sie den Eingang, damit wir wissen, dass sie die richtigen Personen erreicht hat.",
      <>
        Antworten Sie der anfragenden Person direkt {p.due ? <>bis zum <strong>{p.due}</strong>; das ist die Frist nach {p.regimeLabel}</> : <>innerhalb der Frist nach {p.regimeLabel}</>}.
        Wenn Sie die Daten brauchen, die wir in {p.workspaceName} für Sie speichern, fordern Sie auf derselben Seite einen Export bei uns an.
      </>,
      "Markieren Sie die Anfrage als erledigt oder abgelehnt und schreiben Sie eine Notiz dazu. Die anfragende Person sieht Ihre Notiz; richten Sie sie also an sie.",
    ],
    button: "Anfrage öffnen",
    keepPrivate: (p: Context) =>
      `Der Link funktioniert, solange die Anfrage bei Ihnen offen ist. Geben Sie ihn nicht außerhalb Ihres Datenschutzteams weiter: Wer ihn hat, kann für ${p.customerName} antworten.`,
    questions: (p: Context) => (
      <>
        Fragen zu dieser Anfrage? Schreiben Sie an <MailtoLink email={p.org.privacyEmail} /> und nennen Sie die Referenz {p.reference}.
      </>
    ),
  },
} satisfies Record<EmailLanguage, unknown>;

function facts(p: Context, labels: (typeof COPY)[EmailLanguage]["labels"]): Fact[] {
  return [
    { label: labels.reference, value: p.reference },
    { label: labels.request, value: p.requestTypeLabel },
    { label: labels.law, value: p.regimeLabel },
    ...(p.due ? [{ label: labels.dueBy, value: <strong>{p.due}</strong> }] : []),
    { label: labels.requester, value: <>{p.requesterName} {p.mail}</> },
    { label: labels.relationship, value: p.relationship },
    { label: labels.workspace, value: p.workspaceName },
  ];
}

/** A template's opening for these props, in the customer's language. */
export function referralOpening<P extends ReferralBriefProps>(openings: ReferralOpenings<P>, props: P): ReferralOpening {
  const lang = emailLanguage(props.language);
  return openings[lang](referralContext(props, lang));
}

function referralContext<P extends ReferralBriefProps>(props: P, lang: EmailLanguage): ReferralContext<P> {
  return {
    ...props,
    due: props.dueDate ? formatDate(props.dueDate, lang) : null,
    // The requester typed it: bidi controls in it must not reorder the sentences it sits in.
    requesterName: revealBidiControls(props.requester.name.trim()) || COPY[lang].someone,
  };
}

/**
 * Every email to a customer's privacy contacts about a referral: the template's opening, then why
 * they get it, the request, what to do and their private link. Reminders repeat all of it so each
 * message stands on its own.
 */
export function ReferralEmail<P extends ReferralBriefProps>({ props, openings }: { props: P; openings: ReferralOpenings<P> }) {
  const lang = emailLanguage(props.language);
  const copy = COPY[lang];
  const context = referralContext(props, lang);
  const opening = openings[lang](context);
  const { requester } = props;
  const p: Context = {
    ...context,
    mail: requester.email ? (
      <>
        (<MailtoLink email={requester.email} />)
      </>
    ) : null,
  };
  return (
    <EmailLayout org={props.org} preview={opening.preview} language={lang} reason={copy.reason(p)}>
      <Text style={heading}>{opening.heading}</Text>
      <Text style={paragraph}>{opening.intro}</Text>
      {opening.notice ? (
        <Text style={paragraph}>
          <strong>{opening.notice}</strong>
        </Text>
      ) : null}

      <Text style={subheading}>{copy.why}</Text>
      <Text style={paragraph}>{copy.controller(p)}</Text>
      {props.includesOperatorPart ? <Text style={paragraph}>{copy.operatorPart(p)}</Text> : null}

      <Text style={subheading}>{copy.request}</Text>
      <FactList facts={facts(p, copy.labels)} />
      {props.details.length > 0 ? (
        <>
          <Text style={subheading}>{copy.detailsHeading}</Text>
          <FactList facts={props.details} />
        </>
      ) : null}

      <Text style={subheading}>{copy.todo}</Text>
      <ol style={{ ...paragraph, paddingLeft: "24px" }}>
        {copy.steps(p).map((step, index) => (
          <li key={index} style={{ margin: "0 0 8px" }}>
            {step}
          </li>
        ))}
      </ol>
      <ButtonWithFallback href={props.referralUrl} language={lang}>
        {copy.button}
      </ButtonWithFallback>
      <Text style={paragraph}>{copy.keepPrivate(p)}</Text>
      <Text style={paragraph}>{copy.questions(p)}</Text>
    </EmailLayout>
  );
}
