import type { Jurisdiction, RequestType } from "@/lib/generated/prisma/enums";
import { calendarDayIn } from "@/lib/dates/time-zone";
import { JURISDICTION_LABELS } from "@/lib/requests/labels";

// Response deadlines per law, counted in calendar days of the operator's time zone
// (organization_settings.time_zone, passed in: this module stays pure). The clock starts on the
// calendar date, in that zone, of the instant that starts it; from there the arithmetic is on
// dates alone, held as 00:00 UTC of the day (what a Postgres `date` column stores), so neither the
// time of day nor a daylight-saving change ever moves a deadline.

export type ClockStartRule = "RECEIPT" | "VERIFICATION";
export type Period = { readonly unit: "months" | "days" | "businessDays"; readonly amount: number };

/** The parts of a regime a request type may override. */
export type RegimeRule = {
  readonly clockStart: ClockStartRule;
  readonly period: Period;
  /** What the law lets us add to the original due date, with notice; null when it allows none. */
  readonly extension: Period | null;
  /** How soon, from receipt, the requester must be told we have the request; absent or null where no law asks. */
  readonly receiptConfirmation?: Period | null;
  readonly source: string;
  /** The value rests on a secondary source (see DSAR-RULES): keep it configurable, say so in the UI. */
  readonly secondary: boolean;
  /** Which part is secondary, or what the table does not model. */
  readonly note?: string;
};

export type Regime = RegimeRule & {
  readonly label: string;
  /** A refusal must tell the requester how to appeal to us. */
  readonly appealAvailable: boolean;
  readonly byType?: Readonly<Partial<Record<RequestType, Partial<RegimeRule>>>>;
};

const ONE_MONTH: Period = { unit: "months", amount: 1 };
const TWO_MONTHS: Period = { unit: "months", amount: 2 };
const days = (amount: number): Period => ({ unit: "days", amount });

/**
 * The one table of deadline rules. The clock-start rule lives here so that changing it for a law
 * is a one-line edit (DSAR-RULES, "When the clock starts").
 */
export const REGIMES: Readonly<Record<Jurisdiction, Regime>> = {
  GDPR: {
    label: JURISDICTION_LABELS.GDPR,
    clockStart: "VERIFICATION",
    period: ONE_MONTH,
    extension: TWO_MONTHS,
    appealAvailable: false,
    source: "GDPR Art. 12(3); clock from identity confirmation per EDPB Guidelines 01/2022",
    secondary: true,
    note: "Starting the clock at email verification rests on EDPB guidance (secondary); the one-month period is Art. 12(3).",
  },
  UK_GDPR: {
    label: JURISDICTION_LABELS.UK_GDPR,
    clockStart: "VERIFICATION",
    period: ONE_MONTH,
    extension: TWO_MONTHS,
    appealAvailable: false,
    source: "UK GDPR Art. 12(3) and 12A (in force 5 Feb 2026)",
    secondary: true,
    note: "Clock start on identity proof and the pause while awaiting clarification are secondary; pauses are not modelled.",
  },
  CCPA: {
    label: JURISDICTION_LABELS.CCPA,
    clockStart: "RECEIPT",
    period: days(45),
    extension: days(45),
    // §7021(a): confirm receipt within 10 business days, describing verification. DSAR-RULES gives
    // this duty for CCPA only: its rows for the other US states and the other laws set none.
    receiptConfirmation: { unit: "businessDays", amount: 10 },
    appealAvailable: false,
    source: "11 CCR §7021(a) and (b)",
    secondary: false,
    byType: {
      OPT_OUT_SALE: {
        period: { unit: "businessDays", amount: 15 },
        extension: null,
        // §7021(a) covers requests to know, delete and correct; DSAR-RULES' opt-out row sets no
        // receipt duty, and an opt-out is acknowledged at once anyway (it needs no verification).
        receiptConfirmation: null,
        source: "11 CCR §7026 (opt-out of sale/sharing); no verification: §7060(b)",
        secondary: true,
        note: "15 business days is from a secondary source; state holidays are not skipped, which only makes the deadline earlier.",
      },
    },
  },
  US_STATE: {
    label: JURISDICTION_LABELS.US_STATE,
    clockStart: "RECEIPT",
    period: days(45),
    extension: days(45),
    appealAvailable: true,
    source: "Va. Code §59.1-577 and the equivalent Connecticut, Colorado and similar state provisions",
    secondary: false,
    byType: {
      // An appeal of a refusal is a request of its own, received when the requester files it.
      APPEAL: {
        clockStart: "RECEIPT",
        period: days(60),
        extension: null,
        source: "Va. Code §59.1-577(C) and similar state provisions (appeals)",
        secondary: true,
        note: "The 60-day appeal period is from a secondary source; some states allow more, none is modelled.",
      },
    },
  },
  LGPD: {
    label: JURISDICTION_LABELS.LGPD,
    clockStart: "RECEIPT",
    period: days(15),
    extension: null,
    appealAvailable: false,
    source: "LGPD Art. 19 (full statement within 15 days)",
    secondary: false,
  },
  PDPA_SG: {
    label: JURISDICTION_LABELS.PDPA_SG,
    clockStart: "RECEIPT",
    period: days(30),
    // The PDPA has no fixed extension: past 30 days the organisation must tell the person when it
    // will answer, so there is no second date to compute.
    extension: null,
    appealAvailable: false,
    source: "Singapore PDPA (access requests: 30 calendar days)",
    secondary: false,
  },
  QUEBEC: {
    label: JURISDICTION_LABELS.QUEBEC,
    clockStart: "RECEIPT",
    period: days(30),
    extension: null,
    appealAvailable: false,
    source: "Quebec Private Sector Act s.32 (Law 25)",
    secondary: true,
    note: "That no extension exists and that silence counts as a refusal are from a secondary source.",
  },
  OTHER: {
    label: JURISDICTION_LABELS.OTHER,
    clockStart: "RECEIPT",
    period: days(30),
    extension: null,
    appealAvailable: false,
    source: "The portal's own global standard, not a statute",
    secondary: true,
  },
};

/** The regime with the request type's overrides applied (and `byType` dropped). */
export function regimeFor(jurisdiction: Jurisdiction, type: RequestType): Regime {
  const { byType, ...base } = REGIMES[jurisdiction];
  const override = byType?.[type];
  if (!override) return base;
  // An override states its own sourcing; never let it inherit the base's note by accident.
  return { ...base, note: undefined, ...override };
}

/**
 * Opt-outs of sale/sharing need no identity check (CCPA §7060(b)). For simplicity the portal
 * applies that to every jurisdiction: stopping a sale harms no one if the requester is not who
 * they say, and no law here demands verification for it.
 */
export function requiresVerification(type: RequestType, _jurisdiction: Jurisdiction): boolean {
  return type !== "OPT_OUT_SALE";
}

export type DeadlineInput = {
  jurisdiction: Jurisdiction;
  type: RequestType;
  receivedAt: Date;
  verifiedAt?: Date | null;
  /** The operator's IANA time zone, whose calendar the days are counted in. */
  timeZone: string;
};

/**
 * The day the response period runs from (the calendar date in `timeZone` of receipt or
 * verification), or null while it waits for verification. A request that needs no verification
 * starts at receipt whatever the regime's rule: nothing is awaited.
 */
export function clockStart({ jurisdiction, type, receivedAt, verifiedAt, timeZone }: DeadlineInput): Date | null {
  const received = calendarDayIn(receivedAt, timeZone);
  const rule = regimeFor(jurisdiction, type).clockStart;
  if (rule === "RECEIPT" || !requiresVerification(type, jurisdiction)) return received;
  if (!verifiedAt) return null;
  const verified = calendarDayIn(verifiedAt, timeZone);
  // UK GDPR Art. 12A runs from the later of receipt and identity proof; never start before receipt.
  return verified < received ? received : verified;
}

export type DueDate = { clockStartsAt: Date; dueDate: Date; regime: Regime };

/** The original due date, or null when the clock has not started yet. */
export function computeDueDate(input: DeadlineInput): DueDate | null {
  const start = clockStart(input);
  if (!start) return null;
  const regime = regimeFor(input.jurisdiction, input.type);
  return { clockStartsAt: start, dueDate: addPeriod(start, regime.period), regime };
}

/**
 * The day by which the requester must be told we received the request (CCPA §7021(a)), counted
 * from the day of receipt whatever the clock-start rule; null where no law asks for it. It is met
 * only when a confirming email is actually sent (lib/mail/worker.ts records that).
 */
export function computeReceiptDueDate({
  jurisdiction,
  type,
  receivedAt,
  timeZone,
}: Omit<DeadlineInput, "verifiedAt">): Date | null {
  const period = regimeFor(jurisdiction, type).receiptConfirmation;
  return period ? addPeriod(calendarDayIn(receivedAt, timeZone), period) : null;
}

/**
 * The due date after the extension the law allows, added to the original due date; null if none.
 * Adding to the due date, never counting afresh from the start, can only be earlier or the same:
 * 31 Jan + 1 month = 28 Feb, + 2 months = 28 Apr, where 31 Jan + 3 months would be 30 Apr.
 */
export function computeExtendedDueDate({
  jurisdiction,
  type,
  dueDate,
}: {
  jurisdiction: Jurisdiction;
  type: RequestType;
  dueDate: Date;
}): Date | null {
  const { extension } = regimeFor(jurisdiction, type);
  return extension ? addPeriod(utcDay(dueDate), extension) : null;
}

export function addPeriod(date: Date, period: Period): Date {
  switch (period.unit) {
    case "months":
      return addMonthsClamped(date, period.amount);
    case "days":
      return addCalendarDays(date, period.amount);
    case "businessDays":
      return addBusinessDays(date, period.amount);
  }
}

const DAY_MS = 86_400_000;

/** Midnight UTC of the instant's UTC day: normalises a calendar date read from a `date` column. */
export function utcDay(instant: Date): Date {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new RangeError("Invalid date");
  return new Date(time - mod(time, DAY_MS));
}

/** The same day number `n` months later, or that month's last day when it has no such day. */
export function addMonthsClamped(date: Date, n: number): Date {
  assertInteger(n);
  const d = utcDay(date);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + n;
  // Day 0 of the following month is the last day of the target month; Date.UTC carries years.
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d.getUTCDate(), lastDay)));
}

export function addCalendarDays(date: Date, n: number): Date {
  assertInteger(n);
  return new Date(utcDay(date).getTime() + n * DAY_MS);
}

/**
 * `n` Monday-to-Friday days after `date`, counting from the next day, so a Friday plus 1 is the
 * Monday and a Saturday plus 1 is also the Monday. Public holidays are not skipped.
 */
export function addBusinessDays(date: Date, n: number): Date {
  assertInteger(n);
  const step = n < 0 ? -1 : 1;
  let day = utcDay(date);
  for (let left = Math.abs(n); left > 0; ) {
    day = new Date(day.getTime() + step * DAY_MS);
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return day;
}

/** Whole days from today in `timeZone` to `dueDate`: 0 on the due day, negative once overdue. */
export function daysUntil(dueDate: Date, now: Date, timeZone: string): number {
  return Math.round((utcDay(dueDate).getTime() - calendarDayIn(now, timeZone).getTime()) / DAY_MS);
}

function assertInteger(n: number): void {
  if (!Number.isInteger(n)) throw new RangeError(`Expected a whole number, got ${n}`);
}

// Floor modulo, so instants before 1970 truncate downwards too.
function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}
