import type { ReactElement } from "react";
import AgentRequestConfirm, { subject as agentRequestConfirmSubject, type AgentRequestConfirmProps } from "@/emails/agent-request-confirm";
import AgentRequestRefused, { subject as agentRequestRefusedSubject, type AgentRequestRefusedProps } from "@/emails/agent-request-refused";
import DeadlineExtended, { subject as deadlineExtendedSubject, type DeadlineExtendedProps } from "@/emails/deadline-extended";
import MoreInformationNeeded, {
  subject as moreInformationNeededSubject,
  type MoreInformationNeededProps,
} from "@/emails/more-information-needed";
import RecipientNotice, { subject as recipientNoticeSubject, type RecipientNoticeProps } from "@/emails/recipient-notice";
import RecipientNoticeEscalated, {
  subject as recipientNoticeEscalatedSubject,
  type RecipientNoticeEscalatedProps,
} from "@/emails/recipient-notice-escalated";
import RequestAcknowledged, {
  subject as requestAcknowledgedSubject,
  type RequestAcknowledgedProps,
} from "@/emails/request-acknowledged";
import RequestCompleted, {
  subject as requestCompletedSubject,
  type RequestCompletedProps,
} from "@/emails/request-completed";
import ReferralEscalated, {
  subject as referralEscalatedSubject,
  type ReferralEscalatedProps,
} from "@/emails/referral-escalated";
import ReferralExportReady, {
  subject as referralExportReadySubject,
  type ReferralExportReadyProps,
} from "@/emails/referral-export-ready";
import ReferralExportRequested, {
  subject as referralExportRequestedSubject,
  type ReferralExportRequestedProps,
} from "@/emails/referral-export-requested";
import ReferralWorkspaceErased, {
  subject as referralWorkspaceErasedSubject,
  type ReferralWorkspaceErasedProps,
} from "@/emails/referral-workspace-erased";
import ReferralOutcome, { subject as referralOutcomeSubject, type ReferralOutcomeProps } from "@/emails/referral-outcome";
import ReferralReminder, {
  subject as referralReminderSubject,
  type ReferralReminderProps,
} from "@/emails/referral-reminder";
import ReferralToCustomer, {
  subject as referralToCustomerSubject,
  type ReferralToCustomerProps,
} from "@/emails/referral-to-customer";
import RequestDenied, { subject as requestDeniedSubject, type RequestDeniedProps } from "@/emails/request-denied";
import RequestReferred, {
  subject as requestReferredSubject,
  type RequestReferredProps,
} from "@/emails/request-referred";
import StaffSignIn, { subject as staffSignInSubject, type StaffSignInProps } from "@/emails/staff-sign-in";
import StaffDigest, { subject as staffDigestSubject, type StaffDigestProps } from "@/emails/staff-digest";
import StatusLinkRequested, {
  subject as statusLinkRequestedSubject,
  type StatusLinkRequestedProps,
} from "@/emails/status-link-requested";
import ManualTask, { subject as manualTaskSubject, type ManualTaskProps } from "@/emails/manual-task";
import ManualTaskEscalated, {
  subject as manualTaskEscalatedSubject,
  type ManualTaskEscalatedProps,
} from "@/emails/manual-task-escalated";
import ManualTaskReminder, {
  subject as manualTaskReminderSubject,
  type ManualTaskReminderProps,
} from "@/emails/manual-task-reminder";
import RecipientsChanged, { subject as recipientsChangedSubject, type RecipientsChangedProps } from "@/emails/recipients-changed";
import VerifyEmail, { subject as verifyEmailSubject, type VerifyEmailProps } from "@/emails/verify-email";

export type EmailTemplate<P> = {
  component: (props: P) => ReactElement;
  subject: (props: P) => string;
};

/**
 * Every email the app sends, by the name stored in EmailOutbox.template. Renaming a key strands
 * queued rows under the old name, so add a new one and drop the old one once the queue is empty.
 */
export const EMAIL_TEMPLATES = {
  "verify-email": { component: VerifyEmail, subject: verifyEmailSubject } satisfies EmailTemplate<VerifyEmailProps>,
  "agent-request-confirm": {
    component: AgentRequestConfirm,
    subject: agentRequestConfirmSubject,
  } satisfies EmailTemplate<AgentRequestConfirmProps>,
  "agent-request-refused": {
    component: AgentRequestRefused,
    subject: agentRequestRefusedSubject,
  } satisfies EmailTemplate<AgentRequestRefusedProps>,
  "request-acknowledged": {
    component: RequestAcknowledged,
    subject: requestAcknowledgedSubject,
  } satisfies EmailTemplate<RequestAcknowledgedProps>,
  "staff-sign-in": { component: StaffSignIn, subject: staffSignInSubject } satisfies EmailTemplate<StaffSignInProps>,
  "staff-digest": { component: StaffDigest, subject: staffDigestSubject } satisfies EmailTemplate<StaffDigestProps>,
  "more-information-needed": {
    component: MoreInformationNeeded,
    subject: moreInformationNeededSubject,
  } satisfies EmailTemplate<MoreInformationNeededProps>,
  "deadline-extended": {
    component: DeadlineExtended,
    subject: deadlineExtendedSubject,
  } satisfies EmailTemplate<DeadlineExtendedProps>,
  "request-denied": { component: RequestDenied, subject: requestDeniedSubject } satisfies EmailTemplate<RequestDeniedProps>,
  "request-completed": {
    component: RequestCompleted,
    subject: requestCompletedSubject,
  } satisfies EmailTemplate<RequestCompletedProps>,
  "referral-to-customer": {
    component: ReferralToCustomer,
    subject: referralToCustomerSubject,
  } satisfies EmailTemplate<ReferralToCustomerProps>,
  "referral-reminder": {
    component: ReferralReminder,
    subject: referralReminderSubject,
  } satisfies EmailTemplate<ReferralReminderProps>,
  "request-referred": {
    component: RequestReferred,
    subject: requestReferredSubject,
  } satisfies EmailTemplate<RequestReferredProps>,
  "referral-outcome": {
    component: ReferralOutcome,
    subject: referralOutcomeSubject,
  } satisfies EmailTemplate<ReferralOutcomeProps>,
  "referral-escalated": {
    component: ReferralEscalated,
    subject: referralEscalatedSubject,
  } satisfies EmailTemplate<ReferralEscalatedProps>,
  "referral-export-requested": {
    component: ReferralExportRequested,
    subject: referralExportRequestedSubject,
  } satisfies EmailTemplate<ReferralExportRequestedProps>,
  "referral-export-ready": {
    component: ReferralExportReady,
    subject: referralExportReadySubject,
  } satisfies EmailTemplate<ReferralExportReadyProps>,
  "referral-workspace-erased": {
    component: ReferralWorkspaceErased,
    subject: referralWorkspaceErasedSubject,
  } satisfies EmailTemplate<ReferralWorkspaceErasedProps>,
  "status-link-requested": {
    component: StatusLinkRequested,
    subject: statusLinkRequestedSubject,
  } satisfies EmailTemplate<StatusLinkRequestedProps>,
  "manual-task": { component: ManualTask, subject: manualTaskSubject } satisfies EmailTemplate<ManualTaskProps>,
  "manual-task-reminder": {
    component: ManualTaskReminder,
    subject: manualTaskReminderSubject,
  } satisfies EmailTemplate<ManualTaskReminderProps>,
  "manual-task-escalated": {
    component: ManualTaskEscalated,
    subject: manualTaskEscalatedSubject,
  } satisfies EmailTemplate<ManualTaskEscalatedProps>,
  "recipients-changed": {
    component: RecipientsChanged,
    subject: recipientsChangedSubject,
  } satisfies EmailTemplate<RecipientsChangedProps>,
  "recipient-notice": { component: RecipientNotice, subject: recipientNoticeSubject } satisfies EmailTemplate<RecipientNoticeProps>,
  "recipient-notice-escalated": {
    component: RecipientNoticeEscalated,
    subject: recipientNoticeEscalatedSubject,
  } satisfies EmailTemplate<RecipientNoticeEscalatedProps>,
};

export type EmailTemplateName = keyof typeof EMAIL_TEMPLATES;

/**
 * Who reads each email, which decides its language (lib/mail/localise.ts): a requester's (or their
 * agent's) follows the request's language, a customer's privacy contacts' the customer's setting.
 * Staff, systems' owners and other organisations told of a request get English.
 */
export const EMAIL_AUDIENCES: Record<EmailTemplateName, "requester" | "customer" | "staff" | "third-party"> = {
  "verify-email": "requester",
  "agent-request-confirm": "requester",
  "agent-request-refused": "requester",
  "request-acknowledged": "requester",
  "more-information-needed": "requester",
  "deadline-extended": "requester",
  "request-denied": "requester",
  "request-completed": "requester",
  "request-referred": "requester",
  "referral-outcome": "requester",
  "status-link-requested": "requester",
  "referral-to-customer": "customer",
  "referral-reminder": "customer",
  "referral-export-ready": "customer",
  "referral-workspace-erased": "customer",
  "recipients-changed": "customer",
  "staff-sign-in": "staff",
  "staff-digest": "staff",
  "referral-escalated": "staff",
  "referral-export-requested": "staff",
  "manual-task": "staff",
  "manual-task-reminder": "staff",
  "manual-task-escalated": "staff",
  "recipient-notice": "third-party",
  "recipient-notice-escalated": "third-party",
};

export type EmailProps<N extends EmailTemplateName> = Parameters<(typeof EMAIL_TEMPLATES)[N]["component"]>[0];

export const EMAIL_TEMPLATE_NAMES = Object.keys(EMAIL_TEMPLATES) as EmailTemplateName[];

export function isEmailTemplateName(name: string): name is EmailTemplateName {
  return Object.hasOwn(EMAIL_TEMPLATES, name);
}
