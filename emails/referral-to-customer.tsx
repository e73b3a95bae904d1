import { PREVIEW_REFERRAL } from "@/emails/components/preview-referral";
import {
  ReferralEmail,
  referralOpening,
  type ReferralBriefProps,
  type ReferralOpenings,
} from "@/emails/components/referral-brief";

export type ReferralToCustomerProps = ReferralBriefProps;

// The requester's name stays out of the subject: subjects show on lock screens and in previews.
const OPENINGS: ReferralOpenings<ReferralToCustomerProps> = (p, t) => {
  const words = { reference: p.reference, workspace: p.workspaceName, customer: p.customerName, requester: p.requesterName, type: p.requestTypeLabel, product: p.org.productName };
  return {
    subject: t("referralToCustomer.subject", words),
    preview: p.due ? t("referralToCustomer.preview", { due: p.due }) : t("referralToCustomer.previewNoDue"),
    heading: t("referralToCustomer.heading", words),
    intro: p.due ? t("referralToCustomer.intro", { ...words, due: p.due }) : t("referralToCustomer.introNoDue", words),
  };
};

export function subject(props: ReferralToCustomerProps): string {
  return referralOpening(OPENINGS, props).subject;
}

export default function ReferralToCustomer(props: ReferralToCustomerProps) {
  return <ReferralEmail props={props} openings={OPENINGS} />;
}

ReferralToCustomer.PreviewProps = PREVIEW_REFERRAL satisfies ReferralToCustomerProps;
