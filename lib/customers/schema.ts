import { z } from "zod";
import { isLocale, localeOrDefault, LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";
import { domainOf, foldName } from "@/lib/referrals/match-key";
import { noControlCharacters } from "@/lib/text/control-characters";
import { EMAIL_PROBLEM_MESSAGES, normalizeEmailAddress, type NormalizedEmail } from "@/lib/text/email-address";

// The schemas for registering customers and their workspaces: the dashboard forms validate with
// them (raw, so the server receives what was typed) and the server actions parse them again.
// No server-only imports: they ship to the browser.

/**
 * Languages we write to customers in (referral emails, and the referral page their link opens):
 * the portal's own. The dashboard is English, so each is named in English and in its own words.
 * A customer saved earlier with another code keeps it until edited: its emails and page take the
 * nearest offered language ("pt" is Brazilian Portuguese), else English (`localeOrDefault`).
 */
export const CUSTOMER_LANGUAGES = LOCALES;
export type CustomerLanguage = Locale;
const ENGLISH_NAMES: Record<CustomerLanguage, string> = {
  en: "English",
  de: "German",
  fr: "French",
  es: "Spanish",
  "pt-BR": "Brazilian Portuguese",
};
export const LANGUAGE_LABELS: Record<CustomerLanguage, string> = Object.fromEntries(
  CUSTOMER_LANGUAGES.map((code) => [code, code === "en" ? "English" : `${ENGLISH_NAMES[code]} (${LOCALE_NAMES[code]})`]),
) as Record<CustomerLanguage, string>;

const named = CUSTOMER_LANGUAGES.map((code) => LANGUAGE_LABELS[code]);
const LANGUAGE_REFUSAL = `Choose the language we write to this customer in: ${named.slice(0, -1).join(", ")} or ${named.at(-1)}`;

/** A stored code as the dashboard names it, an old one not offered any more with what it means now. */
export function customerLanguageLabel(code: string): string {
  return isLocale(code) ? LANGUAGE_LABELS[code] : `${code}, not offered: we write in ${LANGUAGE_LABELS[localeOrDefault(code)]}`;
}

export const MAX_PRIVACY_EMAILS = 5;
export const MAX_DOMAINS = 20;
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/;

/** "a@x.example, b@x.example\nc@x.example" → three entries: people paste lists either way. */
export function splitList(text: string): string[] {
  return text
    .split(/[\n\r,;]+/)
    .map((item) => item.trim())
    .filter(Boolean);
}

function invalidEmailMessage(typed: string, result: NormalizedEmail): string {
  const problem = result.ok ? "FORMAT" : result.problem;
  return problem === "FORMAT" || problem === "EMPTY"
    ? `“${typed}” is not an email address. Use the format privacy@example.com`
    : `“${typed}”: ${EMAIL_PROBLEM_MESSAGES[problem]}`;
}

/** One or more addresses typed one per line or comma separated → a list without repeats, in the normal form. */
const privacyEmails = z
  .string({ error: "Enter at least one privacy contact email address" })
  .max(2000, "Keep the list under 2,000 characters")
  .check(noControlCharacters(true))
  .transform((text, ctx) => {
    const typed = splitList(text);
    const results = typed.map(normalizeEmailAddress);
    const invalid = results.findIndex((r) => !r.ok);
    const emails = [...new Set(results.flatMap((r) => (r.ok ? [r.email] : [])))];
    if (typed.length === 0) ctx.addIssue({ code: "custom", message: "Enter at least one privacy contact email address" });
    else if (invalid >= 0) ctx.addIssue({ code: "custom", message: invalidEmailMessage(typed[invalid]!, results[invalid]!) });
    else if (emails.length > MAX_PRIVACY_EMAILS)
      ctx.addIssue({ code: "custom", message: `Enter at most ${MAX_PRIVACY_EMAILS} addresses (there are ${emails.length})` });
    return emails;
  });

/** Host names, URLs or addresses typed one per line or comma separated → the host names routing compares. */
const domains = z
  .string()
  .max(6000, "Keep the list under 6,000 characters")
  .check(noControlCharacters(true))
  .transform((text, ctx) => {
    const entries = splitList(text);
    const invalid = entries.find((entry) => domainOf(entry) === null);
    const hosts = [...new Set(entries.map(domainOf).filter((d): d is string => d !== null))];
    if (invalid !== undefined)
      ctx.addIssue({ code: "custom", message: `“${invalid}” is not a host name. Enter names such as help.acme.example` });
    else if (hosts.length > MAX_DOMAINS) ctx.addIssue({ code: "custom", message: `Enter at most ${MAX_DOMAINS} domains (there are ${hosts.length})` });
    return hosts;
  });

/** A name requests can be matched by: it must keep a letter or digit once folded. */
const matchableName = (empty: string) =>
  z
    .string({ error: empty })
    .trim()
    .min(1, empty)
    .max(200, "Keep the name under 200 characters")
    .check(noControlCharacters())
    .refine((name) => foldName(name) !== "", "Use at least one letter or digit");

export const CustomerSchema = z.object({
  legalName: matchableName("Enter the customer's legal name"),
  privacyEmails,
  language: z.enum(CUSTOMER_LANGUAGES, { error: LANGUAGE_REFUSAL }),
  dpaReference: z
    .string()
    .trim()
    .max(200, "Keep the DPA reference to 200 characters or fewer")
    .check(noControlCharacters())
    .optional()
    .transform((v) => v || null),
  /** Email the privacy contacts when our public list of recipients (subprocessors) changes. */
  notifyRecipientChanges: z.boolean({ error: "Say whether to email this customer about changes to our recipients" }).default(false),
});
export type CustomerInput = z.input<typeof CustomerSchema>;
export type CustomerValues = z.output<typeof CustomerSchema>;

export const WorkspaceSchema = z.object({
  name: matchableName("Enter the workspace name"),
  slug: z
    .string({ error: "Enter a slug" })
    .trim()
    .toLowerCase()
    .min(1, "Enter a slug")
    .max(50, "Keep the slug to 50 characters or fewer")
    .regex(SLUG_PATTERN, "Use lower-case letters, digits and hyphens, starting and ending with a letter or digit"),
  domains,
});
export type WorkspaceInput = z.input<typeof WorkspaceSchema>;
export type WorkspaceValues = z.output<typeof WorkspaceSchema>;

export const UpdateCustomerSchema = CustomerSchema.extend({ customerId: z.uuid() });
export const AddWorkspaceSchema = WorkspaceSchema.extend({ customerId: z.uuid() });
export const UpdateWorkspaceSchema = WorkspaceSchema.extend({ workspaceId: z.uuid() });
export const WorkspaceIdSchema = z.object({ workspaceId: z.uuid() });

/** Refusals that belong under one field of the workspace form rather than above it. */
export const WORKSPACE_ERROR_FIELDS: Partial<Record<string, keyof WorkspaceInput>> = {
  SLUG_TAKEN: "slug",
  DOMAIN_TAKEN: "domains",
};
