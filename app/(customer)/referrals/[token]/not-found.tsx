import { getTranslations } from "next-intl/server";
import { LinkNoLongerWorks } from "@/components/link-no-longer-works";

/** An unknown or revoked referral link. Next marks every 404 noindex, and the site-wide Referrer-Policy header applies here too. */
export default async function ReferralNotFound() {
  const t = await getTranslations("referral");
  return <LinkNoLongerWorks why={(legalName) => t("notFound", { legalName })} />;
}
