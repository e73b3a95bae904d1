import { formatDate } from "@/emails/components/format";
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

const OPENINGS: ReferralOpenings<ReferralReminderProps> = {
  en: (p) => ({
    subject: `Reminder: privacy request ${p.reference} for your workspace ${p.workspaceName}`,
    preview: `Reminder ${p.reminderNumber}: please acknowledge this privacy request${p.due ? ` and answer the requester by ${p.due}` : ""}.`,
    heading: "Reminder: a privacy request is waiting for you",
    intro: `This is reminder ${p.reminderNumber}. On ${formatDate(p.sentAt, "en", p.org.timeZone)} we sent you a privacy request (${p.requestTypeLabel}) about your workspace ${p.workspaceName}, and nobody has acknowledged it yet.${p.due ? ` The requester must have an answer by ${p.due}.` : ""}`,
    notice: p.escalatesAfterThis
      ? `If the request is still not acknowledged after this reminder, ${p.org.productName}'s privacy team will take it up.`
      : null,
  }),
  de: (p) => ({
    subject: `Erinnerung: Datenschutzanfrage ${p.reference} für Ihren Workspace ${p.workspaceName}`,
    preview: `Erinnerung ${p.reminderNumber}: Bitte bestätigen Sie den Eingang dieser Datenschutzanfrage${p.due ? ` und antworten Sie der anfragenden Person bis zum ${p.due}` : ""}.`,
    heading: "Erinnerung: Eine Datenschutzanfrage wartet auf Sie",
    intro: `Dies ist Erinnerung ${p.reminderNumber}. Am ${formatDate(p.sentAt, "de", p.org.timeZone)} haben wir Ihnen eine Datenschutzanfrage (${p.requestTypeLabel}) zu Ihrem Workspace ${p.workspaceName} geschickt, und bisher hat niemand den Eingang bestätigt.${p.due ? ` Die anfragende Person muss bis zum ${p.due} eine Antwort erhalten.` : ""}`,
    notice: p.escalatesAfterThis
      ? `Wird die Anfrage auch nach dieser Erinnerung nicht bestätigt, übernimmt das Datenschutzteam von ${p.org.productName} den Vorgang.`
      : null,
  }),
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
