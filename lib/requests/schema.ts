import * as z from "zod/mini";
import { COUNTRIES, regionCodesOf } from "@/lib/requests/regions";
import { SCHEMA_MESSAGES as M } from "@/lib/requests/schema-messages";
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
/** Every length limit a message names, so the server can translate each (lib/requests/validation-words.ts). */
export const TEXT_LIMITS = new Set<number>();
const tooLong = (max: number) => (TEXT_LIMITS.add(max), M.tooLong.replace("{max}", String(max)));
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
      scope: choice(["ALL", "SPECIFIC"] as const, M.deletionScope),
      specifics: optionalText(2000),
    })
    .check(
      z.superRefine((d, ctx) => {
        if (d.scope === "SPECIFIC" && !d.specifics) {
          ctx.addIssue({ code: "custom", path: ["specifics"], message: M.deletionSpecifics, input: d });
        }
      }),
    ),
  PORTABILITY: z.object({ format: choice(["JSON", "CSV"] as const, M.portabilityFormat) }),
  OBJECTION: z.object({
    processing: choice(OBJECTION_PROCESSING, M.objectionProcessing),
    reason: optionalText(2000),
  }),
  CORRECTION: z.object({
    whatIsWrong: required(2000, M.whatIsWrong),
    correctValue: required(2000, M.correctValue),
  }),
  RESTRICTION: z.object({
    activity: required(2000, M.restrictionActivity),
    ground: choice(RESTRICTION_GROUNDS, M.restrictionGround),
  }),
  OPT_OUT_SALE: z.object({}),
  WITHDRAW_CONSENT: z.object({ consent: required(2000, M.consent) }),
} satisfies Record<RequestTypeValue, z.ZodMiniType>;

const common = {
  name: required(200, M.name, false),
  email: emailAddress({ empty: M.email, format: M.emailFormat }),
  country: z.string({ error: M.country }).check(
    z.refine((c: string) => (COUNTRIES as readonly string[]).includes(c), M.country),
  ),
  region: optionalText(8, false),
  relationship: choice(RELATIONSHIPS, M.relationship),
  workspaceReference: optionalText(200, false),
  // "" is the unchosen radio group; the refinement below asks end users to choose.
  dataScope: z.optional(choice(["", ...DATA_SCOPES] as const, M.dataScope)),
  companyEmail: optionalEmailAddress(M.companyEmailFormat),
  submittedBy: z._default(choice(SUBMITTERS, M.submittedBy), "SELF"),
  // Someone filing for another person (lib/representation): their own details. The fields above
  // are then the person the request is about.
  representative: z.optional(
    z.object({
      name: required(200, M.ownName, false),
      email: emailAddress({ empty: M.ownEmail, format: M.emailFormat }),
      organisation: optionalText(200, false),
      guardianRelationship: z.optional(choice(["", ...GUARDIAN_RELATIONSHIPS] as const, M.guardianRelationship)),
      childBirthDate: optionalText(10, false),
    }),
  ),
  // Honeypot: hidden from people, filled by naive bots. Checked by the server, never stored.
  website: z.optional(z.string().check(z.maxLength(500))),
};

type Details = { [T in RequestTypeValue]: z.output<(typeof DetailsSchemas)[T]> }[RequestTypeValue];

const Base = z.object({
  type: choice(REQUEST_TYPES, M.type),
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
              ? M.regionNotAsked
              : v.country === "US"
                ? M.state
                : M.province,
            input: v.region,
          });
        }
        if (v.relationship === "CUSTOMER_END_USER" && !v.workspaceReference) {
          ctx.addIssue({
            code: "custom",
            path: ["workspaceReference"],
            message: M.workspaceReference,
            input: v.workspaceReference,
          });
        }
        if (v.relationship === "CUSTOMER_END_USER" && !v.dataScope) {
          ctx.addIssue({ code: "custom", path: ["dataScope"], message: M.dataScope, input: v.dataScope });
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
    .string({ error: M.code })
    .check(z.trim(), z.regex(/^\d{6}$/, M.codeFormat)),
});
export type VerifyCodeInput = z.input<typeof VerifyCodeSchema>;
