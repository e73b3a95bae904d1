import { Text } from "@react-email/components";
import type { ReactNode } from "react";
import type { OrganizationDetails } from "@/lib/organization/types";
import { ButtonWithFallback } from "@/emails/components/button-with-fallback";
import { FactList, type Fact } from "@/emails/components/fact-list";
import { formatDate } from "@/emails/components/format";
import { emailWords, mailTag, strong, translateLabel } from "@/emails/components/i18n";
import { emailLanguage, type EmailLanguage } from "@/emails/components/language";
import { EmailLayout } from "@/emails/components/layout";
import { MailtoLink } from "@/emails/components/mailto-link";
import { heading, paragraph, subheading } from "@/emails/components/styles";
import { revealBidiControls } from "@/lib/text/bidi";

/** What a customer's privacy contacts are told about a request referred to them. */
export type ReferralBriefProps = {
  org: OrganizationDetails;
  /** The customer's language code: one of the portal's languages, anything else gets English. */
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

/** A template's opening, in the customer's language (`t`: the emails' words in it). */
export type ReferralOpenings<P extends ReferralBriefProps> = (p: ReferralContext<P>, t: EmailWords) => ReferralOpening;

type EmailWords = ReturnType<typeof emailWords>;
type Context = ReferralContext & { mail: ReactNode };

/** The footer of every email to a customer's privacy contacts: why they get it. */
export function customerContactReason(lang: EmailLanguage, p: { customerName: string; org: OrganizationDetails }): string {
  return emailWords(lang)("layout.customerReason", { customer: p.customerName, product: p.org.productName });
}

function facts(p: Context, t: EmailWords, lang: EmailLanguage): Fact[] {
  return [
    { label: t("referral.labels.reference"), value: p.reference },
    { label: t("referral.labels.request"), value: p.requestTypeLabel },
    { label: t("referral.labels.law"), value: p.regimeLabel },
    ...(p.due ? [{ label: t("referral.labels.dueBy"), value: <strong>{p.due}</strong> }] : []),
    { label: t("referral.labels.requester"), value: <>{p.requesterName} {p.mail}</> },
    { label: t("referral.labels.relationship"), value: translateLabel("relationships", p.relationship, lang) },
    { label: t("referral.labels.workspace"), value: p.workspaceName },
  ];
}

/** A template's opening for these props, in the customer's language. */
export function referralOpening<P extends ReferralBriefProps>(openings: ReferralOpenings<P>, props: P): ReferralOpening {
  const lang = emailLanguage(props.language);
  return openings(referralContext(props, lang), emailWords(lang));
}

function referralContext<P extends ReferralBriefProps>(props: P, lang: EmailLanguage): ReferralContext<P> {
  return {
    ...props,
    requestTypeLabel: translateLabel("types", props.requestTypeLabel, lang),
    regimeLabel: translateLabel("jurisdictions", props.regimeLabel, lang),
    due: props.dueDate ? formatDate(props.dueDate, lang) : null,
    // The requester typed it: bidi controls in it must not reorder the sentences it sits in.
    requesterName: revealBidiControls(props.requester.name.trim()) || emailWords(lang)("referral.someone"),
  };
}

/**
 * Every email to a customer's privacy contacts about a referral: the template's opening, then why
 * they get it, the request, what to do and their private link. Reminders repeat all of it so each
 * message stands on its own.
 */
export function ReferralEmail<P extends ReferralBriefProps>({ props, openings }: { props: P; openings: ReferralOpenings<P> }) {
  const lang = emailLanguage(props.language);
  const t = emailWords(lang);
  const context = referralContext(props, lang);
  const opening = openings(context, t);
  const { requester } = props;
  const p: Context = {
    ...context,
    mail: requester.email ? (
      <>
        (<MailtoLink email={requester.email} />)
      </>
    ) : null,
  };
  const names = { product: p.org.productName, legalName: p.org.legalName, customer: p.customerName, workspace: p.workspaceName, regime: p.regimeLabel };
  const steps: ReactNode[] = [
    t("referral.stepAcknowledge"),
    p.due ? t.rich("referral.stepAnswer", { ...names, due: p.due, strong }) : t("referral.stepAnswerNoDue", names),
    t("referral.stepClose"),
  ];
  return (
    <EmailLayout org={props.org} preview={opening.preview} language={lang} reason={customerContactReason(lang, p)}>
      <Text style={heading}>{opening.heading}</Text>
      <Text style={paragraph}>{opening.intro}</Text>
      {opening.notice ? (
        <Text style={paragraph}>
          <strong>{opening.notice}</strong>
        </Text>
      ) : null}

      <Text style={subheading}>{t("referral.why")}</Text>
      <Text style={paragraph}>{t("referral.controller", names)}</Text>
      {props.includesOperatorPart ? <Text style={paragraph}>{t("referral.operatorPart", names)}</Text> : null}

      <Text style={subheading}>{t("referral.request")}</Text>
      <FactList facts={facts(p, t, lang)} />
      {props.details.length > 0 ? (
        <>
          <Text style={subheading}>{t("referral.detailsHeading")}</Text>
          <FactList facts={props.details} />
        </>
      ) : null}

      <Text style={subheading}>{t("referral.todo")}</Text>
      <ol style={{ ...paragraph, paddingLeft: "24px" }}>
        {steps.map((step, index) => (
          <li key={index} style={{ margin: "0 0 8px" }}>
            {step}
          </li>
        ))}
      </ol>
      <ButtonWithFallback href={props.referralUrl} language={lang}>
        {t("referral.button")}
      </ButtonWithFallback>
      <Text style={paragraph}>{t("referral.keepPrivate", names)}</Text>
      <Text style={paragraph}>{t.rich("referral.questions", { reference: p.reference, mail: mailTag(p.org.privacyEmail) })}</Text>
    </EmailLayout>
  );
}
