import type { CorrectionSummary } from "@/lib/corrections/words";
import type { ErasureSummary } from "@/lib/erasure/words";
import { formatCalendarDate, formatInstant } from "@/lib/dates/format";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";

/**
 * How a public audit event reads on the requester's status page, in the reader's language (the
 * "status" catalogue's `timeline`); moments in the operator's `timeZone`. The API's views read it
 * in English.
 */
export function timelineEntry(action: string, data: unknown, timeZone: string, locale: Locale = DEFAULT_LOCALE): { title: string; detail?: string } {
  const d = (data ?? {}) as Record<string, unknown>;
  const t = translatorFor(locale, "status");
  const day = (value: string) => formatCalendarDate(value, "long", locale);
  const company = (fallback: "theCompany" | "TheCompany") => text(d.customerName, t(`timeline.${fallback}`));
  switch (action) {
    case "request.submitted":
      return { title: t("timeline.submitted.title"), detail: t("timeline.submitted.detail") };
    case "request.verified":
      if (typeof d.vouchedBy === "string") {
        return {
          title: t("timeline.vouched.title"),
          // The key's name is the operator's own label; the requester reads where they asked.
          detail: [t("timeline.vouched.detail"), ...(typeof d.dueDate === "string" ? [t("timeline.answerBy", { on: day(d.dueDate) })] : [])].join(" "),
        };
      }
      return {
        title: t("timeline.verified.title"),
        detail: typeof d.dueDate === "string" ? t("timeline.answerBy", { on: day(d.dueDate) }) : undefined,
      };
    case "request.closed_unverified":
      return {
        title: t("timeline.closedUnverified.title"),
        detail: t("timeline.closedUnverified.detail", { days: typeof d.afterDays === "number" ? d.afterDays : 7 }),
      };
    case "verification.questions_asked":
      return { title: t("timeline.questionsAsked.title"), detail: t("timeline.questionsAsked.detail") };
    case "verification.answers_given":
      return { title: t("timeline.answersGiven.title"), detail: t("timeline.answersGiven.detail") };
    case "representation.email_confirmed":
      return { title: t("timeline.representativeConfirmed.title"), detail: t("timeline.representativeConfirmed.detail") };
    case "representation.subject_asked":
      return { title: t("timeline.subjectAsked.title"), detail: t("timeline.subjectAsked.detail") };
    case "representation.subject_confirmed":
      return { title: t("timeline.subjectConfirmed.title"), detail: t("timeline.subjectConfirmed.detail") };
    case "representation.subject_refused":
      return { title: t("timeline.subjectRefused.title"), detail: t("timeline.subjectRefused.detail") };
    case "representation.document_uploaded":
      return {
        title: t("timeline.documentUploaded.title"),
        detail: d.kind === "SIGNED_PERMISSION" ? t("timeline.documentUploaded.permission") : t("timeline.documentUploaded.other"),
      };
    case "request.acknowledged":
      return { title: t("timeline.acknowledged.title"), detail: t("timeline.acknowledged.detail") };
    // On a request made for someone else, both people read this timeline: say whom it concerns.
    case "request.information_requested": {
      const key = d.party === "SUBJECT" ? "askedSubject" : d.party === "REQUESTER" ? "askedRequester" : "askedYou";
      return { title: t(`timeline.${key}.title`), detail: t(`timeline.${key}.detail`) };
    }
    case "request.information_provided": {
      const key = d.party === "SUBJECT" ? "answeredSubject" : d.party === "REQUESTER" ? "answeredRequester" : "answeredYou";
      return { title: t(`timeline.${key}.title`), detail: t(`timeline.${key}.detail`) };
    }
    case "request.deadline_extended":
      return {
        title: t("timeline.extended.title"),
        detail:
          typeof d.extendedDueDate === "string" ? t("timeline.extended.detailDate", { on: day(d.extendedDueDate) }) : t("timeline.extended.detail"),
      };
    case "request.denied":
      return { title: t("timeline.denied.title"), detail: d.appealAvailable === true ? t("timeline.denied.appealable") : t("timeline.denied.detail") };
    case "request.merged":
      return {
        title: t("timeline.merged.title"),
        detail: t("timeline.merged.detail", { reference: text(d.into, t("timeline.merged.anEarlier")) }),
      };
    case "request.merged_in":
      return {
        title: t("timeline.mergedIn.title"),
        detail: t("timeline.mergedIn.detail", { reference: text(d.from, t("timeline.mergedIn.aLater")) }),
      };
    case "request.appealed":
      return { title: t("timeline.appealed.title"), detail: t("timeline.appealed.detail") };
    case "request.completed": {
      // The officer's written answer, when there is one (with or without a package), in their words.
      const answer = typeof d.outcome === "string" && d.outcome ? [t("timeline.completed.answer", { outcome: d.outcome })] : [];
      const emailed = t("timeline.completed.emailed");
      return {
        title: t("timeline.completed.title"),
        detail:
          typeof d.downloadUntil === "string"
            ? [t("timeline.completed.download", { on: formatInstant(d.downloadUntil, timeZone, "long", locale) }), ...answer].join(" ")
            : d.erasure && typeof d.erasure === "object"
              ? [emailed, ...answer, ...erasureWords(d.erasure as ErasureSummary, t)].join(" ")
              : d.correction && typeof d.correction === "object"
                ? [emailed, ...answer, ...correctionWords(d.correction as CorrectionSummary, t)].join(" ")
                : [emailed, ...answer].join(" "),
      };
    }
    case "referral.sent":
      return {
        title: t("timeline.referralSent.title", { company: company("theCompany") }),
        detail:
          t("timeline.referralSent.detail", {
            company: company("TheCompany"),
            workspace: text(d.workspaceName, t("timeline.itsService")),
            contact: typeof d.customerContactEmail === "string" ? t("timeline.referralSent.contact", { email: d.customerContactEmail }) : "",
          }) + (d.includesOperatorPart === true ? t("timeline.referralSent.operatorPart") : ""),
      };
    case "referral.acknowledged":
      return { title: t("timeline.referralAcknowledged.title", { company: company("TheCompany") }) };
    case "referral.completed":
      return { title: t("timeline.referralCompleted.title", { company: company("TheCompany") }), detail: t("timeline.referralCompleted.detail") };
    case "referral.refused":
      return { title: t("timeline.referralRefused.title", { company: company("TheCompany") }), detail: t("timeline.referralRefused.detail") };
    case "referral.escalated":
      return { title: t("timeline.referralEscalated.title", { company: company("TheCompany") }), detail: t("timeline.referralEscalated.detail") };
    case "referral.taken_over":
      return { title: t("timeline.referralTakenOver.title"), detail: t("timeline.referralTakenOver.detail", { company: company("theCompany") }) };
    case "referral.withdrawn":
      return { title: t("timeline.referralWithdrawn.title"), detail: t("timeline.referralWithdrawn.detail", { company: company("theCompany") }) };
    case "package.downloaded":
      return { title: t("timeline.downloaded.title") };
    case "recipients.told":
      return { title: t("timeline.recipientsTold.title"), detail: recipientsTold(d, t) };
    case "recipients.confirmed":
      return {
        title: t("timeline.recipientConfirmed.title", { recipient: text(d.recipient, t("timeline.recipientConfirmed.anOrganisation")) }),
        detail: d.heldNothing === true ? t("timeline.recipientConfirmed.heldNothing") : t("timeline.recipientConfirmed.done"),
      };
    case "request.status_link_sent":
      return { title: t("timeline.statusLinkSent.title"), detail: t("timeline.statusLinkSent.detail") };
    default:
      return { title: t("timeline.updated.title") };
  }
}

/** A "recipients.told" event's data in words: who was emailed, and whose system we erased ourselves. */
function recipientsTold(data: Record<string, unknown>, t: ReturnType<typeof translatorFor<"status">>): string {
  const recipients = Array.isArray(data.recipients) ? (data.recipients as { name?: unknown; byConnector?: unknown }[]) : [];
  const name = (r: { name?: unknown }) => text(r.name, t("timeline.recipientsTold.anOrganisation"));
  const emailed = recipients.filter((r) => r.byConnector !== true).map(name);
  const direct = recipients.filter((r) => r.byConnector === true).map(name);
  const out: string[] = [];
  if (emailed.length) out.push(t("timeline.recipientsTold.asked", { names: emailed.join(", ") }));
  if (direct.length) out.push(t(data.kind === "CORRECTION" ? "timeline.recipientsTold.corrected" : "timeline.recipientsTold.erased", { names: direct.join(", ") }));
  return out.join(" ") || t("timeline.recipientsTold.nobody");
}

function text(value: unknown, fallback: string): string {
  return typeof value === "string" && value ? value : fallback;
}

type StatusWords = ReturnType<typeof translatorFor<"status">>;

/** An erasure's summary in the reader's language (in English, lib/erasure/words.ts's sentences). */
function erasureWords(summary: ErasureSummary, t: StatusWords): string[] {
  const out: string[] = [];
  if (summary.erased.length) {
    out.push(t("timeline.completed.erased", { items: summary.erased.map((e) => t("timeline.completed.erasedItem", e)).join("; ") }));
  }
  if (summary.kept.length) {
    out.push(t("timeline.completed.kept", { items: summary.kept.map((k) => t("timeline.completed.keptItem", k)).join("; ") }));
  }
  return out;
}

/** A correction's summary in the reader's language (in English, lib/corrections/words.ts's sentences). */
function correctionWords(summary: CorrectionSummary, t: StatusWords): string[] {
  const out: string[] = [];
  if (summary.corrected.length) {
    out.push(t("timeline.completed.corrected", { items: summary.corrected.map((c) => t("timeline.completed.correctedItem", c)).join("; ") }));
  }
  if (summary.byHand.length) out.push(t("timeline.completed.byHand", { systems: summary.byHand.join(", ") }));
  return out;
}
