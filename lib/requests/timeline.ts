import { correctionSentences, type CorrectionSummary } from "@/lib/corrections/words";
import { erasureSentences, type ErasureSummary } from "@/lib/erasure/words";
import { formatCalendarDate, formatInstant } from "@/lib/dates/format";
import { recipientsToldWords } from "@/lib/recipients/notice-words";

/** How a public audit event reads on the requester's status page; moments in the operator's `timeZone`. */
export function timelineEntry(action: string, data: unknown, timeZone: string): { title: string; detail?: string } {
  const d = (data ?? {}) as Record<string, unknown>;
  switch (action) {
    case "request.submitted":
      return { title: "Request received", detail: "We saved your request." };
    case "request.verified":
      if (typeof d.vouchedBy === "string") {
        return {
          title: "Identity confirmed",
          // The key's name is the operator's own label; the requester reads where they asked.
          detail: `Confirmed by the service you made this request through.${typeof d.dueDate === "string" ? ` We will answer by ${formatCalendarDate(d.dueDate)}.` : ""}`,
        };
      }
      return {
        title: "Email confirmed",
        detail: typeof d.dueDate === "string" ? `We will answer by ${formatCalendarDate(d.dueDate)}.` : undefined,
      };
    case "request.closed_unverified":
      return {
        title: "Closed: email not confirmed",
        detail: `The email address was not confirmed within ${typeof d.afterDays === "number" && d.afterDays !== 1 ? `${d.afterDays} days` : typeof d.afterDays === "number" ? "1 day" : "7 days"}, so we closed the request and erased the details you gave.`,
      };
    case "verification.questions_asked":
      return { title: "Questions to confirm who you are", detail: "This kind of request needs a few answers that we can compare with what we hold." };
    case "verification.answers_given":
      return { title: "Answers received", detail: "We received the answers with the signed declaration." };
    case "representation.email_confirmed":
      return { title: "Email of the person acting confirmed", detail: "The authorized agent or parent confirmed their own email address." };
    case "representation.subject_asked":
      return { title: "Consumer asked to confirm", detail: "We emailed the person this request is about to confirm they authorised it." };
    case "representation.subject_confirmed":
      return { title: "Confirmed by the consumer", detail: "The person this request is about confirmed they authorised their agent." };
    case "representation.subject_refused":
      return {
        title: "Closed: not authorised",
        detail: "The person this request is about told us they did not authorise it, so we closed it and erased the details given.",
      };
    case "representation.document_uploaded":
      return {
        title: "Document received",
        detail: d.kind === "SIGNED_PERMISSION" ? "We received the signed permission." : "We received a document from the person acting.",
      };
    case "request.acknowledged":
      return { title: "Work started", detail: "Our privacy team has started working on your request." };
    // On a request made for someone else, both people read this timeline: say whom it concerns.
    case "request.information_requested":
      if (d.party === "SUBJECT") return { title: "A question to the person this request is about", detail: "We emailed them our question; they answer on their own page." };
      if (d.party === "REQUESTER") return { title: "A question to the person who made the request", detail: "We emailed our question to the agent or parent; they answer on their page." };
      return { title: "We asked you a question", detail: "We emailed you our question. Please answer it on this page." };
    case "request.information_provided":
      if (d.party === "SUBJECT") return { title: "The person this request is about answered", detail: "We have their answer and have resumed work on the request." };
      if (d.party === "REQUESTER") return { title: "The person who made the request answered", detail: "We have their answer and have resumed work on the request." };
      return { title: "You answered our question", detail: "We have your answer and have resumed work on your request." };
    case "request.deadline_extended":
      return {
        title: "Deadline extended",
        detail:
          typeof d.extendedDueDate === "string"
            ? `We need more time and will answer by ${formatCalendarDate(d.extendedDueDate)}. We emailed you why.`
            : "We need more time. We emailed you why.",
      };
    case "request.denied":
      return {
        title: "Request denied",
        detail:
          d.appealAvailable === true
            ? "We emailed you our reasons. You can appeal this decision from this page."
            : "We emailed you our reasons and whom you can complain to.",
      };
    case "request.merged":
      return {
        title: "Answered with your earlier request",
        detail: `You asked us the same in request ${typeof d.into === "string" ? d.into : "an earlier request"}, which is still open, so we answer both there, once. Follow it on its own status page.`,
      };
    case "request.merged_in":
      return {
        title: "Your later request joined this one",
        detail: `You asked us the same again in request ${typeof d.from === "string" ? d.from : "a later request"}; our answer here covers both.`,
      };
    case "request.appealed":
      return { title: "You appealed this decision", detail: "Your appeal is a new request with its own status page, which we emailed you." };
    case "request.completed": {
      // The officer's written answer, when there is one (with or without a package), in their words.
      const answer = typeof d.outcome === "string" && d.outcome ? [`Our answer: ${d.outcome}`] : [];
      return {
        title: "Request completed",
        detail:
          typeof d.downloadUntil === "string"
            ? [`Your data is ready to download on this page until ${formatInstant(d.downloadUntil, timeZone)}.`, ...answer].join(" ")
            : d.erasure && typeof d.erasure === "object"
              ? ["We emailed you what we did.", ...answer, ...erasureSentences(d.erasure as ErasureSummary)].join(" ")
              : d.correction && typeof d.correction === "object"
                ? ["We emailed you what we did.", ...answer, ...correctionSentences(d.correction as CorrectionSummary)].join(" ")
                : ["We emailed you what we did.", ...answer].join(" "),
      };
    }
    case "referral.sent":
      return {
        title: `Sent to ${text(d.customerName, "the company")}`,
        detail: `${text(d.customerName, "The company")} controls the data from ${text(d.workspaceName, "its service")}, so we passed your request to its privacy contact${typeof d.customerContactEmail === "string" ? ` (${d.customerContactEmail})` : ""}.${d.includesOperatorPart === true ? " We handle the data we hold ourselves." : ""}`,
      };
    case "referral.acknowledged":
      return { title: `${text(d.customerName, "The company")} confirmed it has your request` };
    case "referral.completed":
      return { title: `${text(d.customerName, "The company")} completed your request`, detail: "Its note on what it did is above, under “Who answers your request”." };
    case "referral.refused":
      return {
        title: `${text(d.customerName, "The company")} refused your request`,
        detail: "Its reasons are above, under “Who answers your request”. Questions or complaints about this decision go to that company, or to a data protection authority.",
      };
    case "referral.escalated":
      return {
        title: `${text(d.customerName, "The company")} has not answered yet`,
        detail: "It did not answer our reminders, so our privacy team is following up.",
      };
    case "referral.taken_over":
      return { title: "Our privacy team took this over", detail: `We answer the part we had passed to ${text(d.customerName, "the company")} ourselves.` };
    case "referral.withdrawn":
      return { title: "Sent to someone else", detail: `We withdrew the request from ${text(d.customerName, "the company")}.` };
    case "package.downloaded":
      return { title: "Data downloaded" };
    case "recipients.told":
      return { title: "We told the organisations that received your data", detail: recipientsToldWords(d) };
    case "recipients.confirmed":
      return {
        title: `${text(d.recipient, "An organisation")} confirmed`,
        detail: d.heldNothing === true ? "It held nothing about you." : "It did the same on its side.",
      };
    case "request.status_link_sent":
      return {
        title: "New status link sent",
        detail: "Someone gave this request's reference and email address, so we emailed a new link to this page to that address.",
      };
    default:
      return { title: "Request updated" };
  }
}

function text(value: unknown, fallback: string): string {
  return typeof value === "string" && value ? value : fallback;
}
