import { formatDate } from "@/emails/components/format";
import { emailLanguage } from "@/emails/components/language";
import { PREVIEW_REFERRAL } from "@/emails/components/preview-referral";
import {
  ReferralEmail,
  referralOpening,
  type ReferralBriefProps,
  type ReferralOpenings,
} from "@/emails/components/referral-brief";

export type ReferralReminderProps = ReferralBriefProps & {
  /** 1 for the first reminder. */
  reminderNumber: number;
  /** ISO timestamp at which the referral was first sent. */
  sentAt: string;
  /** Silence after this reminder hands the referral back to the operator's privacy team. */
  escalatesAfterThis: boolean;
};

const OPENINGS: ReferralOpenings<ReferralReminderProps> = (p, t) => {
  const lang = emailLanguage(p.language);
  const words = { reference: p.reference, workspace: p.workspaceName, number: p.reminderNumber, type: p.requestTypeLabel, product: p.org.productName };
  const intro = t("referralReminder.intro", { ...words, sentOn: formatDate(p.sentAt, lang, p.org.timeZone) });
  return {
    subject: t("referralReminder.subject", words),
    preview: p.due ? t("referralReminder.preview", { ...words, due: p.due }) : t("referralReminder.previewNoDue", words),
    heading: t("referralReminder.heading"),
    intro: p.due ? `${intro} ${t("referralReminder.introDue", { due: p.due })}` : intro,
    notice: p.escalatesAfterThis ? t("referralReminder.escalates", words) : null,
  };
};

export function subject(props: ReferralReminderProps): string {
  return referralOpening(OPENINGS, props).subject;
}

export default function ReferralReminder(props: ReferralReminderProps) {
  return <ReferralEmail props={props} openings={OPENINGS} />;
}

ReferralReminder.PreviewProps = {
  ...PREVIEW_REFERRAL,
  reminderNumber: 2,
  sentAt: "2026-11-23T08:15:00.000Z",
  escalatesAfterThis: true,
} satisfies ReferralReminderProps;
