import { z } from "zod";
import type { RequestType } from "@/lib/generated/prisma/enums";
import { REQUEST_TYPES, type RequestTypeValue } from "@/lib/requests/schema";

// Which request types the portal offers, as the operator's policy names them (Settings → Request
// types). The choice covers the types a person files on the form (REQUEST_TYPES). An appeal is not
// among them: it follows a refused request, from that request's status page, wherever the law
// gives one (lib/requests/lifecycle.ts), so it is always kept offered and never a choice here.
// No server-only imports: the settings form checks with the same schema.

/** The offered types as stored: the chosen form types in the form's order, and APPEAL. */
export function storedOfferedTypes(formTypes: readonly RequestTypeValue[]): RequestType[] {
  return [...REQUEST_TYPES.filter((t) => formTypes.includes(t)), "APPEAL"];
}

/** The form types among the stored ones, in the form's order. */
export function offeredFormTypes(stored: readonly RequestType[]): RequestTypeValue[] {
  return REQUEST_TYPES.filter((t) => stored.includes(t));
}

export const OfferedTypesSchema = z.object({
  types: z
    .array(z.enum(REQUEST_TYPES, { error: "Choose from the request types listed" }), { error: "Choose the request types the form offers" })
    .min(1, "Keep at least one request type offered: with none, nobody could make a request here")
    .transform((types) => REQUEST_TYPES.filter((t) => types.includes(t))),
});
export type OfferedTypesInput = z.input<typeof OfferedTypesSchema>;

// Why a type the portal does not offer was refused is worded in the requester's language by
// lib/requests/submit.ts (the form catalogue's refusals.typeNotOffered).
