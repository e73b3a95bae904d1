import { PREVIEW_REFERRAL } from "@/emails/components/preview-referral";
import {
  ReferralEmail,
  referralOpening,
  type ReferralBriefProps,
  type ReferralOpenings,
} from "@/emails/components/referral-brief";

export type ReferralToCustomerProps = ReferralBriefProps;

// The requester's name stays out of the subject: subjects show on lock screens and in previews.
const OPENINGS: ReferralOpenings<ReferralToCustomerProps> = {
  en: (p) => ({
    subject: `Privacy request ${p.reference} for your workspace ${p.workspaceName}`,
    preview: p.due ? `Please answer the requester by ${p.due}.` : "Please answer the requester.",
    heading: `A privacy request for ${p.customerName}`,
    intro: `${p.requesterName} has made a privacy request (${p.requestTypeLabel}) to ${p.org.productName} about personal data in your workspace ${p.workspaceName}. Please answer it${p.due ? ` by ${p.due}` : ""}.`,
  }),
  de: (p) => ({
    subject: `Datenschutzanfrage ${p.reference} für Ihren Workspace ${p.workspaceName}`,
    preview: p.due ? `Bitte antworten Sie der anfragenden Person bis zum ${p.due}.` : "Bitte antworten Sie der anfragenden Person.",
    heading: `Eine Datenschutzanfrage für ${p.customerName}`,
    intro: `${p.requesterName} hat bei ${p.org.productName} eine Datenschutzanfrage (${p.requestTypeLabel}) zu personenbezogenen Daten in Ihrem Workspace ${p.workspaceName} gestellt. Bitte beantworten Sie sie${p.due ? ` bis zum ${p.due}` : ""}.`,
  }),
};

export function subject(props: ReferralToCustomerProps): string {
  return referralOpening(OPENINGS, props).subject;
}

export default function ReferralToCustomer(props: ReferralToCustomerProps) {
  return <ReferralEmail props={props} openings={OPENINGS} />;
}

ReferralToCustomer.PreviewProps = PREVIEW_REFERRAL satisfies ReferralToCustomerProps;
