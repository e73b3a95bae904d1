import { DomainError } from "@/lib/actions/domain-error";
import type { Jurisdiction, RequestRoute, RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import { calendarDayIn } from "@/lib/dates/time-zone";
import { computeExtendedDueDate, REGIMES, utcDay } from "@/lib/requests/deadlines";

// What may happen to a request, and when. Pure: the handling functions in lib/requests/handling/
// load the request inside their transaction and ask these rules, and the detail page asks the
// same rules which buttons to show, so the two can never disagree.

/** Statuses in which the request still waits for our answer. */
export const OPEN_STATUSES = ["RECEIVED", "IN_PROGRESS", "AWAITING_REQUESTER"] as const satisfies readonly RequestStatus[];
export const CLOSED_STATUSES = ["COMPLETED", "DENIED", "CLOSED_UNVERIFIED", "MERGED", "CLOSED_SPAM"] as const satisfies readonly RequestStatus[];
/** With the customer who controls the data: the officer watches it, the customer answers it. */
export const REFERRED_STATUSES = ["REFERRED"] as const satisfies readonly RequestStatus[];
/**
 * Not finished: open, or with the customer. The queue's "open" views and due filters, and the
 * urgency shown beside a due date, cover these; the officer's own actions take OPEN_STATUSES.
 */
export const UNFINISHED_STATUSES = [...OPEN_STATUSES, ...REFERRED_STATUSES] as const satisfies readonly RequestStatus[];
const ALL_STATUSES = ["PENDING_VERIFICATION", ...OPEN_STATUSES, ...REFERRED_STATUSES, ...CLOSED_STATUSES] as const satisfies readonly RequestStatus[];

export function isOpen(status: RequestStatus): boolean {
  return (OPEN_STATUSES as readonly RequestStatus[]).includes(status);
}

export function isUnfinished(status: RequestStatus): boolean {
  return (UNFINISHED_STATUSES as readonly RequestStatus[]).includes(status);
}

/** Refusals, by stable code; the messages are defaults the UI may replace with its own words. */
export const HANDLING_ERRORS = {
  NOT_FOUND: "We could not find that request.",
  INVALID_INPUT: "Check what you entered and try again.",
  INVALID_TRANSITION: "That is not possible while the request has this status.",
  EXTENSION_ALREADY_USED: "The deadline has already been extended once, which is all the law allows.",
  EXTENSION_NOT_ALLOWED: "The law that applies to this request does not allow extending its deadline.",
  EXTENSION_TOO_LATE: "The original deadline has passed: an extension must be announced before it ends.",
  APPEAL_NOT_AVAILABLE: "This decision cannot be appealed here.",
  APPEAL_ALREADY_OPEN: "This decision has already been appealed.",
  PACKAGE_NOT_APPLICABLE: "Only access and export requests are answered with a data package.",
  PACKAGE_TOO_LARGE: "The file is larger than 10 MB.",
  PACKAGE_EMPTY: "The file is empty.",
  PACKAGE_REQUIRED: "Attach the data package, or write your answer, before completing an access or export request.",
  PACKAGE_NOT_READY: "This file is not available yet.",
  PACKAGE_EXPIRED: "This download has expired. Write to the privacy team for a new copy.",
  OUTCOME_REQUIRED: "Describe what was done before completing the request.",
  ASSIGNEE_INVALID: "Requests can only be assigned to active admins and privacy officers.",
  BULK_LIMIT: "Select at most 100 requests at a time.",
  REFERRAL_NOT_FOUND: "This link no longer works. It may have been replaced by a newer email, or the request was closed or taken back.",
  REFERRAL_CLOSED: "This referral is already closed.",
  REFERRAL_NOTE_REQUIRED: "Explain the refusal: the requester will read this note.",
  REFERRAL_NOTE_TOO_LONG: "Keep the note under 5,000 characters.",
  ROUTE_TARGET_INVALID: "Choose a workspace, or send the request to the privacy team.",
  NOT_A_DUPLICATE: "This request is not flagged as a possible duplicate.",
  DUPLICATE_TARGET_CLOSED: "The earlier request is already closed, so there is nothing to merge into. Answer this one, or keep both.",
  RUN_ACTIVE: "A data run of this request is still going. Cancel it first.",
  REFERRAL_OPEN: "Part of this request is with a customer. Take it back first.",
} as const;

export type HandlingErrorCode = keyof typeof HANDLING_ERRORS;

export function refuse(code: HandlingErrorCode, message: string = HANDLING_ERRORS[code]): DomainError {
  return new DomainError(code, message);
}

export type RequestAction =
  | "acknowledge"
  | "askForInformation"
  | "answer"
  | "extend"
  | "attachPackage"
  | "complete"
  | "deny"
  | "assign"
  | "addNote"
  | "appeal"
  | "downloadPackage"
  | "merge"
  | "keepBoth"
  | "markSpam";

type Rule = {
  readonly from: readonly RequestStatus[];
  /** The status afterwards; null when the action leaves it as it is. */
  readonly to: RequestStatus | null;
  readonly by: "STAFF" | "REQUESTER";
};

/** The transition table: which action is allowed from which status, and where it leads. */
export const TRANSITIONS: Readonly<Record<RequestAction, Rule>> = {
  acknowledge: { from: ["RECEIVED"], to: "IN_PROGRESS", by: "STAFF" },
  askForInformation: { from: ["RECEIVED", "IN_PROGRESS"], to: "AWAITING_REQUESTER", by: "STAFF" },
  answer: { from: ["AWAITING_REQUESTER"], to: "IN_PROGRESS", by: "REQUESTER" },
  extend: { from: OPEN_STATUSES, to: null, by: "STAFF" },
  attachPackage: { from: OPEN_STATUSES, to: null, by: "STAFF" },
  complete: { from: OPEN_STATUSES, to: "COMPLETED", by: "STAFF" },
  deny: { from: OPEN_STATUSES, to: "DENIED", by: "STAFF" },
  // A request waiting for email confirmation can already be given to someone to watch.
  assign: { from: ["PENDING_VERIFICATION", ...OPEN_STATUSES, ...REFERRED_STATUSES], to: null, by: "STAFF" },
  // Notes are the team's working record and may follow a request after it closes.
  addNote: { from: ALL_STATUSES, to: null, by: "STAFF" },
  appeal: { from: ["DENIED"], to: null, by: "REQUESTER" },
  downloadPackage: { from: ["COMPLETED"], to: null, by: "REQUESTER" },
  // A possible duplicate (lib/requests/duplicates.ts): answered with the earlier request, or kept.
  merge: { from: OPEN_STATUSES, to: "MERGED", by: "STAFF" },
  keepBoth: { from: UNFINISHED_STATUSES, to: null, by: "STAFF" },
  // Also before confirmation: junk need not wait 7 days to be closed (lib/requests/spam.ts).
  markSpam: { from: ["PENDING_VERIFICATION", ...OPEN_STATUSES], to: "CLOSED_SPAM", by: "STAFF" },
};

/** The actions a staff member can take, in the order a page lists them. */
export const STAFF_ACTIONS = [
  "acknowledge",
  "askForInformation",
  "extend",
  "attachPackage",
  "complete",
  "deny",
  "merge",
  "keepBoth",
  "assign",
  "addNote",
  "markSpam",
] as const satisfies readonly RequestAction[];
export type StaffAction = (typeof STAFF_ACTIONS)[number];

export function canTransition(action: RequestAction, status: RequestStatus): boolean {
  return TRANSITIONS[action].from.includes(status);
}

/** The status after `action`, or a DomainError INVALID_TRANSITION when it is not allowed now. */
export function assertTransition(action: RequestAction, status: RequestStatus): RequestStatus {
  if (!canTransition(action, status)) throw refuse("INVALID_TRANSITION");
  return TRANSITIONS[action].to ?? status;
}

// --- Guards beyond the status -----------------------------------------------------------------

/** Access and export requests are answered with a file; every other type with a description. */
export const PACKAGE_TYPES = ["ACCESS", "PORTABILITY"] as const satisfies readonly RequestType[];
export const MAX_PACKAGE_BYTES = 10 * 1024 * 1024;

export function deliversPackage(type: RequestType): boolean {
  return (PACKAGE_TYPES as readonly RequestType[]).includes(type);
}

export type ExtensionFacts = {
  status: RequestStatus;
  jurisdiction: Jurisdiction;
  type: RequestType;
  dueAt: Date | null;
  extendedDueAt: Date | null;
};

/**
 * The new due date, or why there is none. The laws that allow an extension allow one, announced
 * before the original deadline runs out (DSAR-RULES): the due day itself, in the operator's
 * time zone, still counts.
 */
export function checkExtension(
  facts: ExtensionFacts,
  now: Date,
  timeZone: string,
): { ok: true; extendedDueAt: Date } | { ok: false; code: HandlingErrorCode } {
  if (!canTransition("extend", facts.status)) return { ok: false, code: "INVALID_TRANSITION" };
  if (facts.extendedDueAt) return { ok: false, code: "EXTENSION_ALREADY_USED" };
  const extended = facts.dueAt
    ? computeExtendedDueDate({ jurisdiction: facts.jurisdiction, type: facts.type, dueDate: facts.dueAt })
    : null;
  if (!facts.dueAt || !extended) return { ok: false, code: "EXTENSION_NOT_ALLOWED" };
  if (calendarDayIn(now, timeZone).getTime() > utcDay(facts.dueAt).getTime()) return { ok: false, code: "EXTENSION_TOO_LATE" };
  return { ok: true, extendedDueAt: extended };
}

/**
 * Whether a refusal of this request can be appealed to us. An appeal's own refusal cannot: the
 * state laws send the person to their Attorney General instead.
 */
export function appealAvailable(jurisdiction: Jurisdiction, type: RequestType): boolean {
  return REGIMES[jurisdiction].appealAvailable && type !== "APPEAL";
}

export type AppealFacts = {
  status: RequestStatus;
  jurisdiction: Jurisdiction;
  type: RequestType;
  appeals: number;
  /** A refusal by the customer who controls the data is appealed to that customer, not to us. */
  route?: RequestRoute | null;
};

export function appealRefusal(facts: AppealFacts): HandlingErrorCode | null {
  if (!canTransition("appeal", facts.status) || !appealAvailable(facts.jurisdiction, facts.type) || facts.route === "CUSTOMER") {
    return "APPEAL_NOT_AVAILABLE";
  }
  if (facts.appeals > 0) return "APPEAL_ALREADY_OPEN";
  return null;
}

export type PackageFacts = { status: RequestStatus; type: RequestType; size: number };

export function packageRefusal(facts: PackageFacts): HandlingErrorCode | null {
  if (!deliversPackage(facts.type)) return "PACKAGE_NOT_APPLICABLE";
  if (!canTransition("attachPackage", facts.status)) return "INVALID_TRANSITION";
  return packageSizeRefusal(facts.size);
}

/** Every stored file, the requester's package or a customer's workspace export, is 1 byte to 10 MB. */
export function packageSizeRefusal(size: number): HandlingErrorCode | null {
  if (size === 0) return "PACKAGE_EMPTY";
  if (size > MAX_PACKAGE_BYTES) return "PACKAGE_TOO_LARGE";
  return null;
}

export type CompletionFacts = { status: RequestStatus; type: RequestType; packages: number; outcome: string | null | undefined };

/** An access or export answer is its file; any other answer says what was done. */
export function completionRefusal(facts: CompletionFacts): HandlingErrorCode | null {
  if (!canTransition("complete", facts.status)) return "INVALID_TRANSITION";
  // Access and export: a package, a written answer (we hold nothing, say), or both.
  if (deliversPackage(facts.type)) return facts.packages > 0 || facts.outcome?.trim() ? null : "PACKAGE_REQUIRED";
  return facts.outcome?.trim() ? null : "OUTCOME_REQUIRED";
}

/** duplicateOfId: the earlier request this one is flagged as repeating, if any. */
export type RequestFacts = ExtensionFacts & { packages: number; duplicateOfId?: string | null };

/**
 * The staff actions that would succeed now, for the buttons a page shows. "complete" is listed
 * whenever the request is open: the form asks for the outcome (for access and export, an answer in
 * words when no package is attached).
 */
export function allowedStaffActions(facts: RequestFacts, now: Date, timeZone: string): StaffAction[] {
  return STAFF_ACTIONS.filter((action) => {
    switch (action) {
      case "extend":
        return checkExtension(facts, now, timeZone).ok;
      case "attachPackage":
        return packageRefusal({ ...facts, size: 1 }) === null;
      case "complete":
        return completionRefusal({ ...facts, outcome: "(asked by the form)" }) === null;
      case "merge":
      case "keepBoth":
        return Boolean(facts.duplicateOfId) && canTransition(action, facts.status);
      default:
        return canTransition(action, facts.status);
    }
  });
}
