import { Text } from "@react-email/components";
import { Fragment } from "react";
import type { OrganizationDetails } from "@/lib/organization/types";
import type { RecipientChange } from "@/lib/recipients/change-log";
import { ButtonWithFallback } from "@/emails/components/button-with-fallback";
import { FactList, type Fact } from "@/emails/components/fact-list";
import { formatDate } from "@/emails/components/format";
import { emailWords } from "@/emails/components/i18n";
import { emailLanguage } from "@/emails/components/language";
import { EmailLayout } from "@/emails/components/layout";
import { PREVIEW_ORGANIZATION } from "@/emails/components/preview-organization";
import { heading, paragraph, subheading } from "@/emails/components/styles";

/** To the privacy contacts of a customer who asked for it: the list of recipients changed. */
export type RecipientsChangedProps = {
  org: OrganizationDetails;
  /** The customer's language code: one of the portal's languages, anything else gets English. */
  language: string;
  customerName: string;
  /** ISO timestamp of the change. */
  changedAt: string;
  changes: RecipientChange[];
  /** The public page listing every recipient and the change log. */
  recipientsUrl: string;
};

type EmailWords = ReturnType<typeof emailWords>;

function context(props: RecipientsChangedProps) {
  const lang = emailLanguage(props.language);
  return { lang, t: emailWords(lang), on: formatDate(props.changedAt, lang, props.org.timeZone) };
}

export function subject(props: RecipientsChangedProps): string {
  return context(props).t("recipientsChanged.subject", { product: props.org.productName });
}

/** Purpose and country as listed now, each with what it was when the change is to it. */
function facts(change: RecipientChange, t: EmailWords): Fact[] {
  const was = new Map(change.changes.map((c) => [c.field, c.from]));
  const notStated = t("recipientsChanged.notStated");
  return (["purpose", "country"] as const).map((field) => {
    const value = change[field] ?? notStated;
    const before = was.has(field) ? (was.get(field) ?? notStated) : null;
    return { label: t(`recipientsChanged.labels.${field}`), value: before === null ? value : `${value} ${t("recipientsChanged.was", { from: before })}` };
  });
}

export default function RecipientsChanged(p: RecipientsChangedProps) {
  const { lang, t, on } = context(p);
  const words = { product: p.org.productName, customer: p.customerName, on, email: p.org.privacyEmail };
  return (
    <EmailLayout org={p.org} preview={t("recipientsChanged.preview", words)} language={lang} reason={t("recipientsChanged.reason", words)}>
      <Text style={heading}>{t("recipientsChanged.heading")}</Text>
      <Text style={paragraph}>{t("recipientsChanged.intro", words)}</Text>
      {p.changes.map((change, index) => {
        const renamed = change.changes.find((c) => c.field === "name");
        return (
          <Fragment key={index}>
            <Text style={subheading}>
              {t(`recipientsChanged.kind.${change.kind}`)}: {change.name}
              {renamed?.from ? ` ${t("recipientsChanged.was", { from: renamed.from })}` : ""}
            </Text>
            <FactList facts={facts(change, t)} />
          </Fragment>
        );
      })}
      <ButtonWithFallback href={p.recipientsUrl} language={lang}>
        {t("recipientsChanged.button")}
      </ButtonWithFallback>
      <Text style={paragraph}>{t("recipientsChanged.questions", words)}</Text>
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
