import type { CustomerReferralView } from "@/lib/referrals/customer";
import { formatInstant } from "@/lib/dates/format";
import { getOrganizationSettings } from "@/lib/organization/settings";
import { Confirmation } from "./confirmation";
import type { Done } from "./page-state";

type ClosedView = Extract<CustomerReferralView, { state: "closed" }>;

/**
 * A referral that is no longer open: only what happened to it and its reference, never the
 * requester's details, since the link may outlive the need to see them.
 */
export async function ClosedReferral({ view, done, timeZone }: { view: ClosedView; done: Done | null; timeZone: string }) {
  const org = await getOrganizationSettings();
  const on = view.closedAt ? ` on ${formatInstant(view.closedAt, timeZone)}` : "";
  const outcome: Record<string, string> = {
    COMPLETED: `${view.customerName} closed this request as completed${on}.`,
    REFUSED: `${view.customerName} closed this request as refused${on}.`,
    WITHDRAWN: `${org.legalName}'s privacy team took this request back${on}, so there is nothing more to do here.`,
  };
  const confirmed = (done === "completed" && view.status === "COMPLETED") || (done === "refused" && view.status === "REFUSED");
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">This request is closed</h1>
      {confirmed ? (
        <div className="mt-6">
          <Confirmation title={done === "completed" ? "Request closed as completed" : "Request closed as refused"}>
            Thank you. We are emailing the requester your answer.
          </Confirmation>
        </div>
      ) : null}
      <p className="mt-6 text-lg text-slate-800">Reference {view.reference}</p>
      <p className="mt-2 text-slate-800">{outcome[view.status] ?? `This request is no longer open with ${view.customerName}.`}</p>
      <p className="mt-4 text-slate-800">
        The request&apos;s details are no longer shown here. Questions about it? Write to{" "}
        <a href={`mailto:${org.privacyEmail}`}>{org.privacyEmail}</a> and include the reference.
      </p>
    </div>
  );
}
