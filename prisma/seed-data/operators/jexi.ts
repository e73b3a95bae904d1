import { REQUEST_TYPES } from "@/lib/requests/schema";
import { customers } from "../customers";
import { organization } from "../organization";
import { policyVersions } from "../policy-versions";
import type { OperatorSeed } from "./types";

// The portal's own operator, and the default: its data as it always was. Its policy names every
// right the form knows (access, correction, deletion, export, restriction, objection, opting out of
// sale or sharing, withdrawing consent, appeal).
export const jexi: OperatorSeed = {
  key: "jexi",
  name: "Jexi",
  organization,
  policyVersions,
  offeredRequestTypes: [...REQUEST_TYPES],
  customers,
};
