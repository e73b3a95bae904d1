import { Text } from "@react-email/components";
import type { OrganizationDetails } from "@/lib/organization/types";
import { ButtonWithFallback } from "@/emails/components/button-with-fallback";
import { FactList } from "@/emails/components/fact-list";
import { formatDateTime } from "@/emails/components/format";
import { emailWords, mailTag, strong } from "@/emails/components/i18n";
import { emailLanguage } from "@/emails/components/language";
import { EmailLayout } from "@/emails/components/layout";
import { PREVIEW_REFERRAL } from "@/emails/components/preview-referral";
import { customerContactReason } from "@/emails/components/referral-brief";
import { heading, paragraph } from "@/emails/components/styles";

/** To a customer's privacy contacts: the workspace export for a referred request is ready. */
export type ReferralExportReadyProps = {
  org: OrganizationDetails;
  /** The customer's language code: one of the portal's languages, anything else gets English. */
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

function context(props: ReferralExportReadyProps) {
  const lang = emailLanguage(props.language);
  return { lang, t: emailWords(lang), until: formatDateTime(props.downloadUntil, lang, props.org.timeZone) };
}

// Neither the requester nor the file's name in the subject: subjects show on lock screens.
export function subject(props: ReferralExportReadyProps): string {
  return context(props).t("referralExportReady.subject", { reference: props.reference });
}

export default function ReferralExportReady(p: ReferralExportReadyProps) {
  const { lang, t, until } = context(p);
  const words = { customer: p.customerName, workspace: p.workspaceName, reference: p.reference, expiry: until };
  return (
    <EmailLayout org={p.org} preview={t("referralExportReady.preview", words)} language={lang} reason={customerContactReason(lang, p)}>
      <Text style={heading}>{t("referralExportReady.heading")}</Text>
      <Text style={paragraph}>{t.rich("referralExportReady.intro", { ...words, strong })}</Text>
      <FactList
        facts={[
          { label: t("referralExportReady.file"), value: p.filename },
          { label: t("referralExportReady.until"), value: until },
        ]}
      />
      <ButtonWithFallback href={p.referralUrl} language={lang}>
        {t("referral.button")}
      </ButtonWithFallback>
      <Text style={paragraph}>{t("referralExportReady.keepPrivate", words)}</Text>
      <Text style={paragraph}>{t.rich("referralExportReady.later", { ...words, mail: mailTag(p.org.privacyEmail) })}</Text>
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
