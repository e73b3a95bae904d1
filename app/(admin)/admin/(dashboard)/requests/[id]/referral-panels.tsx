"use client";

import { useId, useState } from "react";
import { describedBy, FieldError, FieldHint, inputClass } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { RouteFormSchema, type RouteFormValues } from "@/lib/referrals/officer-schema";
import { resendReferralAction, revokeReferralLinksAction, routeRequestAction, takeOverReferralAction } from "./actions";
import { ConfirmedAction } from "./confirmed-action";

type Option = { id: string; label: string };

/** The officer's hold on one open referral: send it again, revoke its links, or take it over. */
export function ReferralActions({
  requestId,
  referralId,
  customerName,
  activeLinks,
  wholeRequest,
}: {
  requestId: string;
  referralId: string;
  customerName: string;
  activeLinks: number;
  /** The customer holds the whole request: taking over brings it back to Received. */
  wholeRequest: boolean;
}) {
  const input = { requestId, referralId };
  return (
    <>
      <ConfirmedAction
        title={`Send again to ${customerName}`}
        description="Emails the customer's privacy contacts the referral again with a new link, and restarts the reminders. Earlier links keep working unless you revoke them."
        confirmText={`Email ${customerName} the referral again?`}
        buttonLabel="Send again"
        run={() => resendReferralAction(input)}
        done={`Sent again: ${customerName}'s privacy contacts are emailed a new link, and reminders start again.`}
      />
      <ConfirmedAction
        title={`Revoke ${customerName}'s links`}
        description={`${activeLinks === 1 ? "1 link works" : `${activeLinks} links work`} now. Revoking stops them all, for example when an email went to the wrong person; the referral stays open, and sending it again gives the customer a new link.`}
        confirmText={`Stop every link ${customerName} holds for this referral?`}
        buttonLabel="Revoke links"
        run={() => revokeReferralLinksAction(input)}
        done={`${customerName}'s links are revoked: they no longer work.`}
      />
      <ConfirmedAction
        title={`Take over from ${customerName}`}
        description={`We answer the referred part ourselves: the referral is withdrawn, the customer's links stop working and reminders stop.${wholeRequest ? " The request comes back to the queue as Received." : ""} The requester sees that we took it over.`}
        confirmText={`Withdraw the referral to ${customerName} and answer it ourselves?`}
        buttonLabel="Take over"
        run={() => takeOverReferralAction(input)}
        done={`Taken over: we answer the referred part ourselves, and ${customerName}'s links no longer work.`}
      />
    </>
  );
}

/**
 * Where the request goes: the privacy team only, or a workspace's customer (with or without a part
 * of our own). Open referrals elsewhere are withdrawn first. With many workspaces the list is a
 * search, a plain GET form on this page.
 */
export function RoutePanel({
  requestId,
  reference,
  candidates,
  workspaces,
  search,
}: {
  requestId: string;
  reference: string;
  /** Workspaces the routing rules found close matches, shown first. */
  candidates: Option[];
  workspaces: Option[];
  /** Set when there are too many workspaces to list: the search the list answers, and whether it was cut short. */
  search: { term: string; more: boolean } | null;
}) {
  const id = useId();
  const [values, setValues] = useState<RouteFormValues>({ destination: "", includesOperatorPart: false });
  const [error, setError] = useState<string | null>(null);
  const others = workspaces.filter((w) => !candidates.some((c) => c.id === w.id));
  const chosen = [...candidates, ...others].find((w) => w.id === values.destination);
  const toWorkspace = values.destination !== "" && values.destination !== "OPERATOR";

  const check = () => {
    const parsed = RouteFormSchema.safeParse(values);
    setError(parsed.success ? null : (parsed.error.issues[0]?.message ?? "Choose where to send the request"));
    return parsed.success;
  };

  return (
    <ConfirmedAction
      title="Route the request"
      description="Send it to the customer who controls the workspace, or keep it with the privacy team. Any open referral is withdrawn first and its links stop working."
      confirmText={
        chosen
          ? `Refer ${reference} to ${chosen.label}? The customer's privacy contacts and the requester are emailed.${values.includesOperatorPart ? " We keep our own part." : ""}`
          : `Keep ${reference} with the privacy team only?`
      }
      buttonLabel="Route"
      done="Routed: the request is where you sent it, and whoever needed to know is emailed."
      check={check}
      run={async () => {
        const parsed = RouteFormSchema.safeParse(values);
        if (!parsed.success) return { ok: false, formError: parsed.error.issues[0]?.message };
        const result = await routeRequestAction({ requestId, target: parsed.data });
        if (result.ok) setValues({ destination: "", includesOperatorPart: false });
        return result;
      }}
    >
      {(locked) => (
        <div className="mt-3 space-y-3">
          {search ? (
            // Its own GET form: the page lists the workspaces matching the search.
            <form method="get" role="search" aria-label="Find a workspace" className="flex flex-wrap items-end gap-2">
              <div className="grow">
                <label htmlFor={`${id}-search`} className="block text-sm font-medium text-slate-900">
                  Find a workspace
                </label>
                <input
                  id={`${id}-search`}
                  name="workspaceSearch"
                  type="search"
                  defaultValue={search.term}
                  aria-describedby={`${id}-search-hint`}
                  className={inputClass}
                />
                <FieldHint id={`${id}-search-hint`}>
                  Part of the slug, the workspace&apos;s name or the customer&apos;s name.
                  {search.term && search.more ? " Only the first 50 matches are listed: search more precisely." : ""}
                  {search.term && !search.more && workspaces.length === 0 ? " Nothing matches." : ""}
                </FieldHint>
              </div>
              <button type="submit" className={buttonClass("secondary")}>
                Search
              </button>
            </form>
          ) : null}
          <div>
            <label htmlFor={`${id}-destination`} className="block text-sm font-medium text-slate-900">
              Send to
            </label>
            <select
              id={`${id}-destination`}
              value={values.destination}
              disabled={locked}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy(null, `${id}-error`, Boolean(error))}
              onChange={(e) => setValues({ ...values, destination: e.target.value })}
              className={inputClass}
            >
              <option value="">Choose…</option>
              <option value="OPERATOR">The privacy team only (no customer)</option>
              {candidates.length ? (
                <optgroup label="Matched the requester's answers">
                  {candidates.map((w) => (
                    <option key={w.id} value={w.id}>
                      {w.label}
                    </option>
                  ))}
                </optgroup>
              ) : null}
              {others.length ? (
                <optgroup label={search ? "Matching workspaces" : "All workspaces"}>
                  {others.map((w) => (
                    <option key={w.id} value={w.id}>
                      {w.label}
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </select>
            <FieldError id={`${id}-error`} message={error ?? undefined} />
          </div>
          <div className="flex items-start gap-2">
            <input
              id={`${id}-own`}
              type="checkbox"
              checked={values.includesOperatorPart}
              disabled={locked || !toWorkspace}
              onChange={(e) => setValues({ ...values, includesOperatorPart: e.target.checked })}
              aria-describedby={`${id}-own-hint`}
              className="mt-1 h-5 w-5 accent-blue-700"
            />
            <div>
              <label htmlFor={`${id}-own`} className="text-sm font-medium text-slate-900">
                We also hold data of our own for this request
              </label>
              <FieldHint id={`${id}-own-hint`}>The customer answers for its workspace; the privacy team answers for the rest.</FieldHint>
            </div>
          </div>
        </div>
      )}
    </ConfirmedAction>
  );
}
