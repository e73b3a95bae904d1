import { z } from "zod";

// How requests are handled, as an admin overrides the environment's defaults (Settings → Request
// handling). An empty field takes the default. The form checks these in the browser, the server
// again, and the server also checks them against each other with the defaults filled in
// (lib/organization/handling.ts). No server-only imports.

export type HandlingField = {
  label: string;
  /** What the number counts, after it: "days", "hours after the request was sent". */
  unit: string;
  /** The environment variable that sets the default. */
  env: string;
  min: number;
  max: number;
  hint?: string;
};

export const HANDLING_FIELDS = {
  unverifiedExpiryDays: {
    label: "Close a request whose email is never confirmed after",
    unit: "days",
    env: "UNVERIFIED_EXPIRY_DAYS",
    min: 1,
    max: 30,
    hint: "Until then the person can confirm by code or link; after, the request closes unconfirmed and is kept as a record.",
  },
  verificationFirstReminderHours: {
    label: "First reminder to confirm the email",
    unit: "hours after the request was sent",
    env: "VERIFICATION_FIRST_REMINDER_HOURS",
    min: 0,
    max: 720,
    hint: "0: no first reminder. Each reminder carries a new code and link.",
  },
  verificationLastReminderHours: {
    label: "Last reminder to confirm the email",
    unit: "hours before the request closes",
    env: "VERIFICATION_LAST_REMINDER_HOURS",
    min: 0,
    max: 719,
    hint: "0: no last reminder.",
  },
  statusLinkDaysAfterClose: {
    label: "Status links keep working after a request closes for",
    unit: "days",
    env: "STATUS_LINK_DAYS_AFTER_CLOSE",
    min: 1,
    max: 3650,
    hint: "After that the person asks for a new link by email. The request's record stays.",
  },
  packageLinkDays: {
    label: "Download links of data packages work for",
    unit: "days",
    env: "DATA_PACKAGE_LINK_DAYS",
    min: 1,
    max: 90,
    hint: "Counted from when the package is sent. Applies to packages sent after the change.",
  },
  referralReminderDays: {
    label: "Remind a customer who has not acknowledged a referral every",
    unit: "days",
    env: "REFERRAL_REMINDER_DAYS",
    min: 1,
    max: 60,
    hint: "Applies to reminders scheduled after the change.",
  },
  referralMaxReminders: {
    label: "Reminders before a silent referral escalates to the officer",
    unit: "reminders",
    env: "REFERRAL_MAX_REMINDERS",
    min: 0,
    max: 10,
  },
  duplicateWindowDays: {
    label: "Flag a new request as a possible duplicate of an unfinished one from the last",
    unit: "days",
    env: "DUPLICATE_WINDOW_DAYS",
    min: 0,
    max: 365,
    hint: "Same confirmed address and request type. 0: never flag.",
  },
} as const satisfies Record<string, HandlingField>;

export type HandlingKey = keyof typeof HANDLING_FIELDS;
export const HANDLING_KEYS = Object.keys(HANDLING_FIELDS) as HandlingKey[];

/** The values in force: each override, else the environment's default. */
export type Handling = Record<HandlingKey, number>;
/** What an admin set: null where the default applies. */
export type HandlingOverrides = Record<HandlingKey, number | null>;

function override(key: HandlingKey) {
  const { min, max } = HANDLING_FIELDS[key];
  return z
    .union([z.string(), z.number(), z.null()])
    .optional()
    .transform((raw, ctx): number | null => {
      const text = raw === null || raw === undefined ? "" : String(raw).trim();
      if (text === "") return null;
      if (!/^\d+$/.test(text)) {
        ctx.addIssue({ code: "custom", message: `Enter a whole number from ${min} to ${max}, or leave it empty for the default` });
        return z.NEVER;
      }
      const value = Number(text);
      if (value < min || value > max) {
        ctx.addIssue({ code: "custom", message: `Enter a whole number from ${min} to ${max}, or leave it empty for the default` });
        return z.NEVER;
      }
      return value;
    });
}

export const HandlingSchema = z.object(Object.fromEntries(HANDLING_KEYS.map((key) => [key, override(key)])) as { [K in HandlingKey]: ReturnType<typeof override> });
export type HandlingInput = z.input<typeof HandlingSchema>;

/**
 * The reminders must fall inside the time a request waits for its confirmation. Checked with the
 * values in force, so an override cannot clash with a default. Returns one message per field.
 */
export function handlingConflicts(values: Handling): Partial<Record<HandlingKey, string>> {
  const waitHours = values.unverifiedExpiryDays * 24;
  const conflicts: Partial<Record<HandlingKey, string>> = {};
  if (values.verificationFirstReminderHours >= waitHours) {
    conflicts.verificationFirstReminderHours = `The first reminder must go before the request closes (${waitHours} hours after it was sent)`;
  }
  if (values.verificationLastReminderHours >= waitHours) {
    conflicts.verificationLastReminderHours = `The last reminder must go after the request was sent: less than ${waitHours} hours before it closes`;
  }
  return conflicts;
}

/** The values in force: each override, else its default. */
export function mergeHandling(overrides: Partial<HandlingOverrides> | null, defaults: Handling): Handling {
  return Object.fromEntries(HANDLING_KEYS.map((key) => [key, overrides?.[key] ?? defaults[key]])) as Handling;
}

/** The form's schema with the environment's defaults known, so a clash shows under its field. */
export function handlingSchema(defaults: Handling) {
  return HandlingSchema.superRefine((overrides, ctx) => {
    for (const [field, message] of Object.entries(handlingConflicts(mergeHandling(overrides as HandlingOverrides, defaults)))) {
      ctx.addIssue({ code: "custom", path: [field], message });
    }
  });
}

/** "1 day", "7 days". */
export function dayCount(days: number): string {
  return days === 1 ? "1 day" : `${days} days`;
}

/** "24 hours", "1 day", "7 days": how pages and the history word a number of one field. */
export function describeHandling(key: HandlingKey, value: number): string {
  const unit = HANDLING_FIELDS[key].unit;
  if (value === 1) return `1 ${unit.replace(/^(\w+?)s\b/, "$1")}`;
  return `${value} ${unit}`;
}
