import { formatCalendarDate, formatInstant } from "@/lib/dates/format";
import { daysUntil } from "@/lib/requests/deadlines";

// CCPA's confirmation of receipt (11 CCR §7021(a)) as staff read it. The due day is set when the
// request arrives (lib/requests/deadlines.ts); the duty is met only when a confirming email
// actually went out, which the outbox worker records (lib/mail/mark-sent.ts). Pure.

export type ReceiptFacts = { receiptDueAt: Date | null; receiptSentAt: Date | null };

export type ReceiptState =
  | { state: "none" }
  | { state: "sent"; dueAt: Date; sentAt: Date }
  | { state: "due"; dueAt: Date; daysLeft: number }
  | { state: "overdue"; dueAt: Date; daysLate: number };

export function receiptState({ receiptDueAt, receiptSentAt }: ReceiptFacts, now: Date, timeZone: string): ReceiptState {
  if (!receiptDueAt) return { state: "none" };
  if (receiptSentAt) return { state: "sent", dueAt: receiptDueAt, sentAt: receiptSentAt };
  const left = daysUntil(receiptDueAt, now, timeZone);
  return left < 0 ? { state: "overdue", dueAt: receiptDueAt, daysLate: -left } : { state: "due", dueAt: receiptDueAt, daysLeft: left };
}

const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;

/** The request page's fact, or null where no law asks for a confirmation. */
export function describeReceipt(facts: ReceiptFacts, now: Date, timeZone: string): string | null {
  const receipt = receiptState(facts, now, timeZone);
  switch (receipt.state) {
    case "none":
      return null;
    case "sent":
      return `Sent ${formatInstant(receipt.sentAt, timeZone, "medium")} (due by ${formatCalendarDate(receipt.dueAt, "medium")})`;
    case "due":
      return `Confirm receipt by ${formatCalendarDate(receipt.dueAt, "medium")} (${receipt.daysLeft === 0 ? "today" : `in ${days(receipt.daysLeft)}`}): no confirming email has gone out yet`;
    case "overdue":
      return `Overdue by ${days(receipt.daysLate)}: receipt was to be confirmed by ${formatCalendarDate(receipt.dueAt, "medium")}, and no confirming email has gone out yet`;
  }
}
