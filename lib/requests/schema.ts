import * as z from "zod/mini";
import { COUNTRIES, regionCodesOf } from "@/lib/requests/regions";
import { noControlCharacters } from "@/lib/text/control-characters";
import { emailAddress, optionalEmailAddress } from "@/lib/text/email-address";

// The one schema for a new request: the form validates with it through zodResolver and the
// server action parses it again. No server-only imports: it ships to the browser.

export const REQUEST_TYPES = [
  "ACCESS",
  "DELETION",
  "PORTABILITY",
  "OBJECTION",
  "CORRECTION",
  "RESTRICTION",
  "OPT_OUT_SALE",
  "WITHDRAW_CONSENT",
] as const;
export type RequestTypeValue = (typeof REQUEST_TYPES)[number];

export const RELATIONSHIPS = ["ACCOUNT_HOLDER", "CUSTOMER_END_USER", "WEBSITE_VISITOR", "OTHER"] as const;

/** Who files: the person the request is about, their authorized agent, or their parent or guardian. */
export const SUBMITTERS = ["SELF", "AGENT", "PARENT"] as const;
export const GUARDIAN_RELATIONSHIPS = ["PARENT", "LEGAL_GUARDIAN"] as const;
/** A parent or guardian files for a child under this age; an adult files for themselves or names an agent. */
export const CHILD_AGE_LIMIT = 18;

/** For end users of a customer's service: only that company's data, or ours too. */
export const DATA_SCOPES = ["WORKSPACE", "WORKSPACE_AND_OPERATOR"] as const;

export const OBJECTION_PROCESSING = ["DIRECT_MARKETING", "PRODUCT_ANALYTICS", "AI_PROCESSING", "OTHER"] as const;
export const OBJECTION_PROCESSING_LABELS: Record<(typeof OBJECTION_PROCESSING)[number], string> = {
  DIRECT_MARKETING: "Marketing emails and messages",
  PRODUCT_ANALYTICS: "Product analytics and usage tracking",
  AI_PROCESSING: "Processing by AI features (drafting, summaries, classification)",
  OTHER: "Something else",
};

export const RESTRICTION_GROUNDS = ["ACCURACY_CONTESTED", "UNLAWFUL", "NEEDED_FOR_CLAIM", "OBJECTION_PENDING"] as const;
export const RESTRICTION_GROUND_LABELS: Record<(typeof RESTRICTION_GROUNDS)[number], string> = {
  ACCURACY_CONTESTED: "I contest that the data is accurate",
  UNLAWFUL: "The processing is unlawful but I don't want the data erased",
  NEEDED_FOR_CLAIM: "You no longer need the data but I need it for a legal claim",
  OBJECTION_PENDING: "I objected and am waiting for the outcome",
};

// zod/mini: the same zod, with functions instead of methods, so the browser gets only what the
// form uses (the request form's first load must stay under 180 KB gzipped).
// Every detail below is a text area (lines kept); the other text fields are single lines.
const tooLong = (max: number) => `Keep this under ${max} characters`;
const trimmed = (max: number, lines = false) => z.string().check(z.trim(), z.maxLength(max, tooLong(max)), noControlCharacters(lines));
const required = (max: number, empty: string, lines = true) =>
  z.string({ error: empty }).check(z.trim(), z.minLength(1, empty), z.maxLength(max, tooLong(max)), noControlCharacters(lines));
const optionalText = (max: number, lines = true) =>
  z.pipe(
    z.optional(trimmed(max, lines)),
    z.transform((v) => (v ? v : undefined)),
  );

const choice = <T extends readonly [string, ...string[]]>(values: T, message: string) => z.enum(values, { error: message });

/** Details each request type asks for; stored as the request's `details` JSON. */
export const DetailsSchemas = {
  ACCESS: z.object({ topics: optionalText(2000) }),
  DELETION: z
    .object({
      scope: choice(["ALL", "SPECIFIC"] as const, "Choose what you want deleted"),
      specifics: optionalText(2000),
    })
    .check(
      z.superRefine((d, ctx) => {
        if (d.scope === "SPECIFIC" && !d.specifics) {
          ctx.addIssue({ code: "custom", path: ["specifics"], message: "Describe the data you want deleted", input: d });
        }
      }),
    ),
  PORTABILITY: z.object({ format: choice(["JSON", "CSV"] as const, "Choose a file format") }),
  OBJECTION: z.object({
    processing: choice(OBJECTION_PROCESSING, "Choose the processing you object to"),
    reason: optionalText(2000),
  }),
  CORRECTION: z.object({
    whatIsWrong: required(2000, "Tell us which information is wrong"),
    correctValue: required(2000, "Tell us what it should say"),
  }),
  RESTRICTION: z.object({
    activity: required(2000, "Tell us which use of your data to restrict"),
    ground: choice(RESTRICTION_GROUNDS, "Choose why processing should be restricted"),
  }),
  OPT_OUT_SALE: z.object({}),
  WITHDRAW_CONSENT: z.object({ consent: required(2000, "Tell us which consent you withdraw") }),
} satisfies Record<RequestTypeValue, z.ZodMiniType>;

const common = {
  name: required(200, "Enter your full name", false),
  email: emailAddress({ empty: "Enter your email address", format: "Enter an email address in the format name@example.com" }),
  country: z.string({ error: "Choose the country where you live" }).check(
    z.refine((c: string) => (COUNTRIES as readonly string[]).includes(c), "Choose the country where you live"),
  ),
  region: optionalText(8, false),
  relationship: choice(RELATIONSHIPS, "Choose how you know us"),
  workspaceReference: optionalText(200, false),
  // "" is the unchosen radio group; the refinement below asks end users to choose.
  dataScope: z.optional(choice(["", ...DATA_SCOPES] as const, "Choose what your request is about")),
  companyEmail: optionalEmailAddress("Enter the company's address in the format support@example.com"),
  submittedBy: z._default(choice(SUBMITTERS, "Choose who the request is for"), "SELF"),
  // Someone filing for another person (lib/representation): their own details. The fields above
  // are then the person the request is about.
  representative: z.optional(
    z.object({
      name: required(200, "Enter your own full name", false),
      email: emailAddress({ empty: "Enter your own email address", format: "Enter an email address in the format name@example.com" }),
      organisation: optionalText(200, false),
      guardianRelationship: z.optional(choice(["", ...GUARDIAN_RELATIONSHIPS] as const, "Choose how you are related to the child")),
      childBirthDate: optionalText(10, false),
    }),
  ),
  // Honeypot: hidden from people, filled by naive bots. Checked by the server, never stored.
  website: z.optional(z.string().check(z.maxLength(500))),
};

type Details = { [T in RequestTypeValue]: z.output<(typeof DetailsSchemas)[T]> }[RequestTypeValue];

const Base = z.object({
  type: choice(REQUEST_TYPES, "Choose the kind of request"),
  details: z._default(z.record(z.string(), z.unknown()), {}),
  ...common,
});

/**
 * One flat object, with the details checked against the chosen type in a refinement that runs
 * even when other fields failed: a person sees every problem at once, not one group at a time.
 */
export const NewRequestSchema = z.pipe(
  Base.check(
    z.superRefine(
      (value, ctx) => {
        const v = value as Partial<z.output<typeof Base>>;
        if (v.type && (REQUEST_TYPES as readonly string[]).includes(v.type)) {
          const details = DetailsSchemas[v.type].safeParse(v.details ?? {});
          if (!details.success) {
            for (const issue of details.error.issues) {
              ctx.addIssue({ code: "custom", path: ["details", ...issue.path.map(String)], message: issue.message, input: v.details });
            }
          }
        }
        // A region must belong to the country: "CA" is California only in the US.
        const regions = v.country ? regionCodesOf(v.country) : null;
        if (regions ? !regions.includes(v.region as string) : v.region) {
          ctx.addIssue({
            code: "custom",
            path: ["region"],
            message: !regions
              ? "Leave the state or province empty: we ask for one only in the United States and Canada"
              : v.country === "US"
                ? "Choose your state"
                : "Choose your province or territory",
            input: v.region,
          });
        }
        if (v.relationship === "CUSTOMER_END_USER" && !v.workspaceReference) {
          ctx.addIssue({
            code: "custom",
            path: ["workspaceReference"],
            message: "Tell us which company's chat, email or support service you used",
            input: v.workspaceReference,
          });
        }
        if (v.relationship === "CUSTOMER_END_USER" && !v.dataScope) {
          ctx.addIssue({ code: "custom", path: ["dataScope"], message: "Choose what your request is about", input: v.dataScope });
        }
      },
      { when: () => true },
    ),
  ),
  // Reached only when everything is valid: keep the chosen type's details, trimmed, and drop the rest.
  z.transform((value: z.output<typeof Base>) => ({
    ...value,
    details: DetailsSchemas[value.type].parse(value.details) as Details,
  })),
);

export type NewRequestInput = z.input<typeof NewRequestSchema>;
export type NewRequest = z.output<typeof NewRequestSchema>;

// What someone filing for another person must also give is checked on the server only
// (lib/representation/form-rules.ts): the form's first load stays under 180 KB.

export const VerifyCodeSchema = z.object({
  requestId: z.uuid(),
  code: z
    .string({ error: "Enter the 6-digit code from the email" })
    .check(z.trim(), z.regex(/^\d{6}$/, "Enter the 6 digits from the email, without spaces")),
});
export type VerifyCodeInput = z.input<typeof VerifyCodeSchema>;
