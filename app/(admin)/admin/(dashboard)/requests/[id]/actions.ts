"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { staffAction } from "@/lib/actions/staff-action";
import type { StaffUser } from "@/lib/auth/staff";
import { resendReferral, revokeReferralLinks, rerouteRequest, takeOverReferral } from "@/lib/referrals/officer";
import { ReferralInputSchema, RouteInputSchema } from "@/lib/referrals/officer-schema";
import { acknowledgeRequest } from "@/lib/requests/handling/acknowledge";
import { askForInformation } from "@/lib/requests/handling/ask-for-information";
import { assignRequest } from "@/lib/requests/handling/assign";
import { completeRequest } from "@/lib/requests/handling/complete";
import { denyRequest } from "@/lib/requests/handling/deny";
import { extendDeadline } from "@/lib/requests/handling/extend";
import { addNote } from "@/lib/requests/handling/notes";
import { keepBothRequests, mergeDuplicate } from "@/lib/requests/duplicates";
import { markAsSpam } from "@/lib/requests/spam";
import { decideIdentity } from "@/lib/verification/identity/flow";
import { CompleteInputSchema, DenyInputSchema, MessageInputSchema, NoteInputSchema, ReasonInputSchema, RequestIdSchema } from "@/lib/requests/handling/schema";

// Thin: each parses its input, checks the role in staffAction, and calls the domain.
const IdOnly = z.object({ requestId: RequestIdSchema });
const refresh = (id: string) => revalidatePath(`/admin/requests/${id}`);

export const acknowledgeAction = staffAction("requests.act", IdOnly, async ({ requestId }, staff) => {
  await acknowledgeRequest(requestId, staff);
  refresh(requestId);
  return null;
});

export const askForInformationAction = staffAction("requests.act", MessageInputSchema.extend({ requestId: RequestIdSchema }), async ({ requestId, message, party }, staff) => {
  await askForInformation(requestId, { message, party }, staff);
  refresh(requestId);
  return null;
});

export const extendAction = staffAction("requests.act", ReasonInputSchema.extend({ requestId: RequestIdSchema }), async ({ requestId, reason }, staff) => {
  const result = await extendDeadline(requestId, { reason }, staff);
  refresh(requestId);
  return result;
});

export const denyAction = staffAction("requests.act", DenyInputSchema.extend({ requestId: RequestIdSchema }), async ({ requestId, reason, basis }, staff) => {
  await denyRequest(requestId, { reason, basis }, staff);
  refresh(requestId);
  return null;
});

export const completeAction = staffAction("requests.act", CompleteInputSchema.extend({ requestId: RequestIdSchema }), async ({ requestId, outcome }, staff) => {
  const result = await completeRequest(requestId, { outcome }, staff);
  refresh(requestId);
  return result;
});

export const assignAction = staffAction(
  "requests.act",
  z.object({ requestId: RequestIdSchema, assigneeId: RequestIdSchema.nullable() }),
  async ({ requestId, assigneeId }, staff) => {
    await assignRequest(requestId, assigneeId, staff);
    refresh(requestId);
    return null;
  },
);

export const addNoteAction = staffAction("requests.act", NoteInputSchema.extend({ requestId: RequestIdSchema }), async ({ requestId, note }, staff) => {
  await addNote(requestId, { note }, staff);
  refresh(requestId);
  return null;
});

export const mergeAction = staffAction("requests.act", IdOnly, async ({ requestId }, staff) => {
  const result = await mergeDuplicate(requestId, staff);
  refresh(requestId);
  return result;
});

export const keepBothAction = staffAction("requests.act", IdOnly, async ({ requestId }, staff) => {
  await keepBothRequests(requestId, staff);
  refresh(requestId);
  return null;
});

export const markSpamAction = staffAction("requests.act", IdOnly, async ({ requestId }, staff) => {
  const result = await markAsSpam(requestId, staff);
  refresh(requestId);
  return { blockedUntil: result.blockedUntil.toISOString() };
});

// The request's referrals: send again, revoke the customer's links, take over, or route elsewhere.
const referralAction = (act: (referralId: string, staff: StaffUser) => Promise<void>) =>
  staffAction("requests.act", ReferralInputSchema, async ({ requestId, referralId }, staff) => {
    await act(referralId, staff);
    refresh(requestId);
    return null;
  });

export const resendReferralAction = referralAction((referralId, staff) => resendReferral(referralId, staff));
export const revokeReferralLinksAction = referralAction((referralId, staff) => revokeReferralLinks(referralId, staff));
export const takeOverReferralAction = referralAction((referralId, staff) => takeOverReferral(referralId, staff));

export const routeRequestAction = staffAction("requests.act", RouteInputSchema, async ({ requestId, target }, staff) => {
  await rerouteRequest(requestId, target, staff);
  refresh(requestId);
  return null;
});

const IdentityDecision = z.object({
  requestId: RequestIdSchema,
  decision: z.enum(["PASSED", "FAILED"]),
  reason: z.string().trim().min(1, "Say what the decision rests on").max(2000, "Keep the reason under 2000 characters"),
});

export const decideIdentityAction = staffAction("requests.act", IdentityDecision, async ({ requestId, decision, reason }, staff) => {
  await decideIdentity(requestId, { decision, reason }, staff);
  refresh(requestId);
  return null;
});
