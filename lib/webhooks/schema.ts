import { z } from "zod";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/events";

// A webhook endpoint's fields: the admin's form checks them in the browser, the server again
// (and then where the address resolves, lib/webhooks/ssrf.ts).

export const EndpointSchema = z.object({
  url: z
    .string({ error: "Enter the endpoint's address" })
    .trim()
    .min(1, "Enter the endpoint's address")
    .max(2000, "Keep the address under 2,000 characters")
    .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), "Enter a full address starting with https://"),
  description: z
    .string()
    .trim()
    .max(200, "Keep the description under 200 characters")
    .regex(/^[^\u0000-\u001f\u007f]*$/, "Use letters, digits and punctuation only")
    .optional()
    .transform((v) => (v ? v : undefined)),
  events: z
    .array(z.enum(WEBHOOK_EVENTS, { error: "Choose events from the list" }), { error: "Choose at least one event" })
    .min(1, "Choose at least one event")
    .transform((e) => [...new Set(e)]),
  includePersonal: z.boolean({ error: "Say whether deliveries include the requester's name and email" }).default(false),
});
export type EndpointInput = z.input<typeof EndpointSchema>;
