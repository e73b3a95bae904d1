import { z } from "zod";
import { IDENTITY_TYPES } from "@/lib/datamap/types";

// The officer's review inputs, parsed by the panel's forms and again by the server actions.

const Uuid = z.string().uuid("Choose a record from the list");

export const ExclusionInputSchema = z.object({
  runId: Uuid,
  collectionId: Uuid,
  /** "<chunk seq>.<index in chunk>", as the review list gives it. */
  recordKey: z.string().regex(/^\d{1,9}\.\d{1,9}$/, "Choose a record from the list"),
  reason: z.string().trim().min(1, "Say why this record is left out").max(500, "At most 500 characters"),
});
export type ExclusionInput = z.infer<typeof ExclusionInputSchema>;

export const InclusionInputSchema = ExclusionInputSchema.omit({ reason: true });
export type InclusionInput = z.infer<typeof InclusionInputSchema>;

export const RunIdInputSchema = z.object({ runId: Uuid });

/** "Find this person's data": the verified email always, plus one more identity the officer knows. */
export const PlanInputSchema = z
  .object({
    requestId: Uuid,
    // A form's empty choice means none.
    identityType: z.preprocess((v) => (v === "" ? undefined : v), z.enum(IDENTITY_TYPES).optional()),
    identityValue: z.string().trim().max(320, "At most 320 characters").optional().transform((v) => v || undefined),
  })
  .refine((v) => !v.identityValue || v.identityType, { path: ["identityType"], message: "Choose what kind of identity this is" });

export const TaskIdInputSchema = z.object({ taskId: Uuid });
