import { getTranslations } from "next-intl/server";
import type { OrganizationDetails } from "@/lib/organization/types";

/**
 * The operator's registered address, and its company number when it has one: every footer's last
 * line, in the page's language (English on the owners' task pages, which proxy.ts keeps English).
 */
export async function RegisteredDetails({ org }: { org: Pick<OrganizationDetails, "registeredAddress" | "companyNumber"> }) {
  const t = await getTranslations("pages.footer");
  return (
    <address className="not-italic">
      {t("registeredAddress", { address: org.registeredAddress })}
      {org.companyNumber ? ` · ${t("companyNumber", { number: org.companyNumber })}` : ""}
    </address>
  );
}
