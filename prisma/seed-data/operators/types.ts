import type { OrganizationDetails } from "@/lib/organization/types";
import type { RequestTypeValue } from "@/lib/requests/schema";
import type { CustomerSeed } from "../customers";
import type { PolicyVersionSeed } from "../policy-versions";

/** Everything that sets the portal up as one operator: `npm run db:seed -- --operator <key>`. */
export type OperatorSeed = {
  /** The name on the command line. */
  key: string;
  /** How messages name it ("ConnexCS"). */
  name: string;
  organization: OrganizationDetails;
  /** Oldest first; published, so never edited: a change is a new version. */
  policyVersions: PolicyVersionSeed[];
  /** The types its policy names (Settings → Request types); an appeal is always added. */
  offeredRequestTypes: RequestTypeValue[];
  /** Business customers whose workspace requests are referred to them; none for an operator without. */
  customers: CustomerSeed[];
};
