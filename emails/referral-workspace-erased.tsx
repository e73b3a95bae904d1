import { Text } from "@react-email/components";
import type { OrganizationDetails } from "@/lib/organization/types";
import { ButtonWithFallback } from "@/emails/components/button-with-fallback";
import { FactList } from "@/emails/components/fact-list";
import { emailWords, mailTag, strong } from "@/emails/components/i18n";
import { emailLanguage } from "@/emails/components/language";
import { EmailLayout } from "@/emails/components/layout";
import { PREVIEW_REFERRAL } from "@/emails/components/preview-referral";
import { customerContactReason } from "@/emails/components/referral-brief";
import { heading, paragraph } from "@/emails/components/styles";

/**
 * To a customer's privacy contacts: the erasure it approved on its referral page is done, in its
 * workspace only, with the proof (every erased row looked up again afterwards). Counts only: the
 * requester's data is gone, and the email need not carry it.
 */
export type ReferralWorkspaceErasedProps = {
  org: OrganizationDetails;
  /** The customer's language code: one of the portal's languages, anything else gets English. */
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

// No requester in the subject: subjects show on lock screens.
export function subject(props: ReferralWorkspaceErasedProps): string {
  return emailWords(emailLanguage(props.language))("referralWorkspaceErased.subject", { reference: props.reference });
}

export default function ReferralWorkspaceErased(p: ReferralWorkspaceErasedProps) {
  const lang = emailLanguage(p.language);
  const t = emailWords(lang);
  const rows = (count: number) => t("referralWorkspaceErased.rows", { count });
  const words = { workspace: p.workspaceName, reference: p.reference, legalName: p.org.legalName };
  return (
    <EmailLayout org={p.org} preview={t("referralWorkspaceErased.preview", words)} language={lang} reason={customerContactReason(lang, p)}>
      <Text style={heading}>{t("referralWorkspaceErased.heading")}</Text>
      <Text style={paragraph}>{t.rich("referralWorkspaceErased.intro", { ...words, rows: rows(p.rows), strong })}</Text>
      <Text style={paragraph}>
        {p.left === 0
          ? t("referralWorkspaceErased.proofClean", { checked: rows(p.checked) })
          : t("referralWorkspaceErased.proofLeft", { checked: rows(p.checked), left: rows(p.left), leftCount: p.left })}
      </Text>
      {p.collections.length ? (
        <>
          <Text style={paragraph}>
            <strong>{t("referralWorkspaceErased.perCollection")}</strong>
          </Text>
          <FactList
            facts={p.collections.map((c) => ({
              label: c.name,
              value:
                c.left === 0
                  ? t("referralWorkspaceErased.lineClean", { rows: rows(c.checked) })
                  : t("referralWorkspaceErased.lineLeft", { rows: rows(c.checked), left: c.left }),
            }))}
          />
        </>
      ) : null}
      <Text style={paragraph}>{t("referralWorkspaceErased.next", words)}</Text>
      {p.referralUrl ? (
        <ButtonWithFallback href={p.referralUrl} language={lang}>
          {t("referral.button")}
        </ButtonWithFallback>
      ) : null}
      <Text style={paragraph}>{t.rich("referralWorkspaceErased.questions", { reference: p.reference, mail: mailTag(p.org.privacyEmail) })}</Text>
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
