import { z } from "zod";
import { RequestIdSchema } from "@/lib/requests/handling/schema";

// The officer's referral inputs: the request page's route form uses RouteInputSchema through
// zodResolver, and the server actions parse the same schemas. No server-only imports.

/** One referral of one request: the request id says which page to refresh. */
export const ReferralInputSchema = z.object({
  requestId: RequestIdSchema,
  referralId: z.guid({ error: "Unknown referral" }),
});
export type ReferralInput = z.input<typeof ReferralInputSchema>;

/** Where the officer sends a request: the privacy team only, or a workspace's customer. */
export const RouteTargetSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("OPERATOR") }),
  z.object({
    kind: z.literal("WORKSPACE"),
    workspaceId: z.guid({ error: "Choose a workspace" }),
    /** We also hold data of our own for this request: the customer answers for the workspace only. */
    includesOperatorPart: z.boolean(),
  }),
]);

export const RouteInputSchema = z.object({ requestId: RequestIdSchema, target: RouteTargetSchema });
export type RouteInput = z.input<typeof RouteInputSchema>;

/**
 * The route form: one choice ("OPERATOR" or a workspace's id) and the checkbox, read as a target.
 * The checkbox only means something for a workspace.
 */
export const RouteFormSchema = z
  .object({
    destination: z.string().min(1, "Choose where to send the request"),
    includesOperatorPart: z.boolean(),
  })
  .transform(({ destination, includesOperatorPart }) =>
    destination === "OPERATOR" ? { kind: "OPERATOR" as const } : { kind: "WORKSPACE" as const, workspaceId: destination, includesOperatorPart },
  )
  .pipe(RouteTargetSchema);
export type RouteFormValues = z.input<typeof RouteFormSchema>;
