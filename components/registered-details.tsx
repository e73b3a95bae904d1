import type { OrganizationDetails } from "@/lib/organization/types";

/** The operator's registered address, and its company number when it has one: every footer's last line. */
export function RegisteredDetails({ org }: { org: Pick<OrganizationDetails, "registeredAddress" | "companyNumber"> }) {
  return (
    <address className="not-italic">
      Registered address: {org.registeredAddress}
      {org.companyNumber ? ` · Company number ${org.companyNumber}` : ""}
    </address>
  );
}
