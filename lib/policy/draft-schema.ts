import { z } from "zod";
import { isIsoDay } from "@/lib/dates/format";
import { PlaceholderMappingsSchema } from "@/lib/policy/placeholders";
import { noControlCharacters } from "@/lib/text/control-characters";

// A policy draft as the editor sends it: the form checks it in the browser, the server again. A
// draft may be unfinished (empty summary, Markdown that does not parse yet): publishing checks the
// rest (lib/policy/publish-check.ts). No server-only imports.

/** Server actions take 64 KB at most (lib/http/action-body.ts); the text, encoded, must fit with the rest. */
export const MAX_MARKDOWN = 48_000;

/** Version names are URLs (/privacy/versions/NAME); "compare" is the comparison page's. */
export const VERSION_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
export const RESERVED_VERSION_NAMES = ["compare"];

const optionalText = (max: number, multiLine = false) =>
  z
    .string()
    .trim()
    .max(max, `Keep this under ${max.toLocaleString("en-GB")} characters`)
    .check(noControlCharacters(multiLine));

const isoDay = (message: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === "" || (isIsoDay(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)), message)
    .transform((v) => v || null);

const emptyIfNull = z
  .string()
  .nullable()
  .transform((v) => v ?? "");

export const DraftSchema = z.object({
  title: optionalText(200),
  summary: optionalText(1000, true),
  markdown: z
    .string()
    .max(MAX_MARKDOWN, `The policy is longer than ${MAX_MARKDOWN.toLocaleString("en-GB")} characters, more than the editor can send: shorten it.`)
    .check(noControlCharacters(true)),
  // Null (as saved) reads as empty, so parsed values parse again.
  changeSummary: emptyIfNull.pipe(optionalText(2000, true)).transform((v) => v || null),
  placeholders: PlaceholderMappingsSchema,
  effectiveAt: emptyIfNull.pipe(isoDay("Enter the date as YYYY-MM-DD, such as 2026-12-01")),
});
export type DraftInput = z.input<typeof DraftSchema>;
export type DraftValues = z.output<typeof DraftSchema>;

/** Saving: the draft as edited, and when the editor loaded it (another admin may have saved since). */
export const SaveDraftSchema = DraftSchema.extend({ draftId: z.uuid(), baseUpdatedAt: z.iso.datetime() });
export type SaveDraftInput = z.input<typeof SaveDraftSchema>;

/** Publishing: the same, with the version's name (empty: the effective date). */
export const PublishDraftSchema = SaveDraftSchema.extend({
  version: z
    .string()
    .trim()
    .refine((v) => v === "" || VERSION_NAME.test(v), "Use up to 40 letters, digits, dots, dashes or underscores, such as 2026-12-01")
    .refine((v) => !RESERVED_VERSION_NAMES.includes(v.toLowerCase()), "That name is taken by the comparison page: choose another"),
});
export type PublishDraftInput = z.input<typeof PublishDraftSchema>;

/** The fields as the editor and the change history name them. */
export const DRAFT_LABELS = {
  title: "Title",
  summary: "Summary",
  markdown: "Policy text",
  changeSummary: "What changed",
  placeholders: "Placeholders",
  effectiveAt: "Effective date",
  version: "Version name",
} as const;
