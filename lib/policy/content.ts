import { z } from "zod";
import type { Locale } from "@/lib/i18n/locales";

// The shape of `PolicyVersion.sections`. Text may hold {{placeholders}} (see render.ts) and is
// plain text: the page renders it as text, never as HTML.

const text = z.string().trim().min(1);

const ParagraphSchema = z.object({ kind: z.literal("p"), text });

const ListSchema = z.object({ kind: z.literal("ul"), items: z.array(text).min(1) });

const TableSchema = z
  .object({
    kind: z.literal("table"),
    caption: text,
    head: z.array(text).min(1),
    rows: z.array(z.array(z.string())).min(1),
  })
  .refine((table) => table.rows.every((row) => row.length === table.head.length), {
    message: "Every table row needs one cell per column heading",
    path: ["rows"],
  });

export const PolicyBlockSchema = z.discriminatedUnion("kind", [ParagraphSchema, ListSchema, TableSchema]);

export const PolicySectionSchema = z.object({
  // The anchor in /privacy#id, so links into the policy keep working from version to version.
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use a lowercase slug such as your-rights"),
  heading: text,
  blocks: z.array(PolicyBlockSchema).min(1),
});

export const PolicySectionsSchema = z
  .array(PolicySectionSchema)
  .min(1)
  .refine((sections) => new Set(sections.map((s) => s.id)).size === sections.length, {
    message: "Section ids must be unique",
  });

export type PolicyBlock = z.infer<typeof PolicyBlockSchema>;
export type PolicySection = z.infer<typeof PolicySectionSchema>;

/** Where a published version stands today: the one in force, one it replaced, or one announced. */
export type PolicyStatus = "current" | "earlier" | "upcoming";

/** A published version as the pages show it. */
export type Policy = {
  id: string;
  version: string;
  title: string;
  summary: string;
  sections: PolicySection[];
  /** "What changed in this version", shown at its top; null when its publisher wrote none. */
  changeSummary: string | null;
  effectiveAt: Date;
  updatedAt: Date;
  status: PolicyStatus;
  /** The language the version is written in; its translations are read apart (reader-text.ts). */
  language: Locale;
};

export type PolicyVersionSummary = Pick<Policy, "version" | "title" | "effectiveAt" | "updatedAt" | "status" | "language"> & {
  /** Its published translations: each language's title. */
  translations: { language: Locale; title: string }[];
};

/** The section that explains people's rights; the current policy shows the request button in it. */
export const RIGHTS_SECTION_ID = "your-rights";
/** The section on who receives information; the current policy links the list of recipients from it. */
export const SHARING_SECTION_ID = "sharing";

/** Reads the Json column. A malformed policy is a data error, so this throws rather than guessing. */
export function parsePolicySections(json: unknown): PolicySection[] {
  return PolicySectionsSchema.parse(json);
}
