import { LinkNoLongerWorks } from "@/components/link-no-longer-works";

/** An unknown or revoked referral link. Next marks every 404 noindex, and the site-wide Referrer-Policy header applies here too. */
export default function ReferralNotFound() {
  return (
    <LinkNoLongerWorks
      why={(legalName) => `It may have been replaced by a link in a newer email about the same request, or ${legalName} withdrew the request from you.`}
    />
  );
}
