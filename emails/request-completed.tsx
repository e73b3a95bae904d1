import { Text } from "@react-email/components";
import { ContactPrivacyTeam } from "@/emails/components/contact-privacy-team";
import { ButtonWithFallback } from "@/emails/components/button-with-fallback";
import type { OrganizationDetails } from "@/lib/organization/types";
import { formatDateTime } from "@/emails/components/format";
import { emailWords, strong, translateLabel } from "@/emails/components/i18n";
import { emailLanguage } from "@/emails/components/language";
import { EmailLayout } from "@/emails/components/layout";
import { PREVIEW_ORGANIZATION } from "@/emails/components/preview-organization";
import { QuotedText } from "@/emails/components/quoted-text";
import { heading, paragraph, subheading } from "@/emails/components/styles";
import type { CorrectionSummary } from "@/lib/corrections/words";
import type { ErasureSummary } from "@/lib/erasure/words";

export type RequestCompletedProps = {
  org: OrganizationDetails;
  reference: string;
  requestTypeLabel: string;
  /** What we did, as the privacy team wrote it; null when the answer is only the download. */
  outcome: string | null;
  /** ISO timestamp until which the data can be downloaded; null when there is nothing to download. */
  downloadUntil: string | null;
  statusUrl: string;
  /** A deletion carried out by an erasure run: what was erased and what was kept, and why. */
  erasure?: ErasureSummary | null;
  /** A correction: what we corrected ourselves, and whom we asked to correct by hand. */
  correction?: CorrectionSummary | null;
  /** A deletion, correction or restriction: the other organisations we told (GDPR Art. 19). */
  recipientsTold?: string[];
  /** The request's language (lib/mail/render.ts fills it in from the request); English without. */
  language?: string;
};

export function subject({ reference, language }: RequestCompletedProps): string {
  return emailWords(emailLanguage(language))("requestCompleted.subject", { reference });
}

export default function RequestCompleted(props: RequestCompletedProps) {
  const { org, reference, requestTypeLabel, outcome, downloadUntil, statusUrl, erasure, correction, recipientsTold } = props;
  const lang = emailLanguage(props.language);
  const t = emailWords(lang);
  const until = downloadUntil ? formatDateTime(downloadUntil, lang, org.timeZone) : null;
  return (
    <EmailLayout
      org={org}
      preview={until ? t("requestCompleted.previewDownload", { reference, expiry: until }) : t("requestCompleted.preview", { reference })}
      language={lang}
    >
      <Text style={heading}>{t("requestCompleted.heading")}</Text>
      <Text style={paragraph}>
        {t.rich("requestCompleted.intro", { type: translateLabel("types", requestTypeLabel, lang), reference, strong })}
      </Text>
      {until ? (
        <>
          <Text style={subheading}>{t("requestCompleted.downloadHeading")}</Text>
          <Text style={paragraph}>{t.rich("requestCompleted.download", { expiry: until, strong })}</Text>
        </>
      ) : null}
      {outcome ? (
        <>
          <Text style={subheading}>{t("requestCompleted.outcomeHeading")}</Text>
          <QuotedText>{outcome}</QuotedText>
        </>
      ) : null}

      {erasure?.erased.length ? (
        <>
          <Text style={subheading}>{t("requestCompleted.erasedHeading")}</Text>
          {erasure.erased.map((e, i) => (
            <Text key={i} style={paragraph}>
              {t("requestCompleted.records", { system: e.system, data: e.what, records: e.records })}
            </Text>
          ))}
        </>
      ) : null}
      {erasure?.kept.length ? (
        <>
          <Text style={subheading}>{t("requestCompleted.keptHeading")}</Text>
          <Text style={paragraph}>{t("requestCompleted.keptIntro")}</Text>
          {erasure.kept.map((k, i) => (
            <Text key={i} style={paragraph}>
              {t("requestCompleted.kept", { system: k.system, data: k.what, reason: k.reason })}
            </Text>
          ))}
        </>
      ) : null}
      {correction?.corrected.length ? (
        <>
          <Text style={subheading}>{t("requestCompleted.correctedHeading")}</Text>
          {correction.corrected.map((c, i) => (
            <Text key={i} style={paragraph}>
              {t("requestCompleted.records", { system: c.system, data: c.what, records: c.records })}
            </Text>
          ))}
        </>
      ) : null}
      {correction?.byHand.length ? (
        <>
          <Text style={subheading}>{t("requestCompleted.byHandHeading")}</Text>
          <Text style={paragraph}>{t("requestCompleted.byHand", { systems: correction.byHand.join(", ") })}</Text>
        </>
      ) : null}
      {recipientsTold?.length ? (
        <>
          <Text style={subheading}>{t("requestCompleted.toldHeading")}</Text>
          <Text style={paragraph}>{t("requestCompleted.told", { recipients: recipientsTold.join(", ") })}</Text>
        </>
      ) : null}

      <ButtonWithFallback href={statusUrl} language={lang}>
        {until ? t("requestCompleted.downloadButton") : t("statusLink.button")}
      </ButtonWithFallback>
      <Text style={paragraph}>{until ? t("requestCompleted.keepPrivateDownload") : t("statusLink.keepPrivate")}</Text>
      <ContactPrivacyTeam org={org} reference={reference} language={lang}>
        {t("contact.complainHandled")}
      </ContactPrivacyTeam>
    </EmailLayout>
  );
}

RequestCompleted.PreviewProps = {
  org: PREVIEW_ORGANIZATION,
  reference: "DSR-7K3M-Q9PX",
  requestTypeLabel: "Access my data",
  outcome: null,
  downloadUntil: "2026-12-29T10:00:00.000Z",
  statusUrl: "http://localhost:3000/requests/status/preview-status-token",
} satisfies RequestCompletedProps;
