import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import type { ReferralStatus } from "@/lib/generated/prisma/enums";
import { formatCalendarDate, formatInstant, formatInstantDate } from "@/lib/dates/format";
import { getOperatorTimeZone } from "@/lib/organization/settings";
import { readHandling } from "@/lib/organization/handling";
import { dayCount } from "@/lib/organization/handling-schema";
import { fileSize } from "@/lib/packages/display";
import { REGIMES } from "@/lib/requests/deadlines";
import { REQUEST_STATUS_LABELS, REQUEST_TYPE_LABELS } from "@/lib/requests/labels";
import { getStatusView } from "@/lib/requests/status-view";
import { listNotices } from "@/lib/recipients/notices";
import { noticeState } from "@/lib/recipients/notice-words";
import { timelineEntry } from "@/lib/requests/timeline";
import { db } from "@/lib/db";
import { listMessages } from "@/lib/requests/handling/ask-for-information";
import { listRequesterPackages } from "@/lib/requests/handling/complete";
import { appealRefusal, HANDLING_ERRORS, isUnfinished } from "@/lib/requests/lifecycle";
import { regulatorFor } from "@/lib/requests/regulators";
import { ReplyForm } from "./reply-form";
import { RepresentationSection } from "./representation-section";
import { StatusFacts } from "./status-facts";
import { IdentitySection } from "./identity-section";

export const metadata: Metadata = { title: "Your request", referrer: "no-referrer", robots: { index: false, follow: false } };

/** A referral's state, as the requester reads it. */
const REFERRAL_STATE_LABELS: Record<ReferralStatus, string> = {
  SENT: "Waiting for the company to confirm it has your request",
  ACKNOWLEDGED: "The company is working on it",
  COMPLETED: "Completed by the company",
  REFUSED: "Refused by the company",
  ESCALATED: "The company has not answered; our privacy team is following up",
  WITHDRAWN: "No longer with this company",
};

export default async function StatusPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{
    confirmed?: string;
    download?: string;
    answered?: string;
    appealed?: string;
    from?: string;
    document?: string;
    documentError?: string;
    subjectConfirmed?: string;
    identity?: string;
  }>;
}) {
  const [{ token }, { confirmed, download, answered, appealed, from, document, documentError, subjectConfirmed, identity }] = await Promise.all([params, searchParams]);
  // Right after an appeal: the appealed request's page, to link back to (only a token's shape is trusted here; its page checks it).
  const appealedFrom = appealed && from && /^[A-Za-z0-9_-]{20,100}$/.test(from) ? `/requests/status/${from}` : null;
  const [view, timeZone, handling] = await Promise.all([getStatusView(token), getOperatorTimeZone(), readHandling(db)]);
  if (!view) notFound();
  const waitDays = dayCount(handling.unverifiedExpiryDays);
  // Moments in the operator's time zone, the zone named; the day a moment fell on there.
  const when = (at: Date) => formatInstant(at, timeZone);
  const dayOf = (at: Date) => formatInstantDate(at, timeZone);
  const [messages, packages, appeals, notices, lastQuestion] = await Promise.all([
    // On an agent's request the agent and the consumer each see their own exchange with us.
    listMessages(view.id, view.holder),
    view.status === "COMPLETED" ? listRequesterPackages(view.id) : Promise.resolve([]),
    view.status === "DENIED" ? db.request.count({ where: { appealOfId: view.id } }) : Promise.resolve(0),
    listNotices(db, view.id),
    // Whom the open question asks: on an agent's request, only that person's page offers the answer form.
    view.status === "AWAITING_REQUESTER"
      ? db.requestMessage.findFirst({ where: { requestId: view.id, author: "STAFF" }, orderBy: { createdAt: "desc" }, select: { party: true } })
      : Promise.resolve(null),
  ]);
  const canAnswer = view.status === "AWAITING_REQUESTER" && (!lastQuestion || lastQuestion.party === view.holder);
  const canAppeal =
    view.status === "DENIED" && appealRefusal({ status: view.status, jurisdiction: view.jurisdiction, type: view.type, appeals, route: view.route }) === null;
  const due = view.extendedDueAt ?? view.dueAt;
  const regime = REGIMES[view.jurisdiction];
  const rows: [string, string][] = [
    ["Reference", view.reference],
    ["Request", REQUEST_TYPE_LABELS[view.type]],
    ["Status", REQUEST_STATUS_LABELS[view.status]],
    ["Received", when(view.receivedAt)],
    // An opt-out of sale or sharing needs no confirmation (CCPA §7026): "Not yet" would read as pending.
    view.representation
      ? ["Ready for us to act on", view.verifiedAt ? when(view.verifiedAt) : "Not yet"]
      : ["Email confirmed", view.verifiedAt ? when(view.verifiedAt) : view.type === "OPT_OUT_SALE" ? "Not needed for an opt-out" : "Not yet"],
    ["Law that sets the deadline", regime.label],
  ];
  if (view.appeal) rows.splice(2, 0, ["Appeal of", view.appeal.ofReference]);
  // Only while an answer is owed: a closed request's deadline is history, not a promise.
  if (isUnfinished(view.status) || view.status === "PENDING_VERIFICATION") {
    rows.splice(rows.length - 1, 0, [view.route === "CUSTOMER" ? "Answer due by" : "We will answer by", due ? formatCalendarDate(due) : "Once you confirm your email"]);
  }
  // A denial's reasons as we wrote them (the email has them too), and where to turn next.
  const merged = view.status === "MERGED" ? (view.events.findLast((e) => e.action === "request.merged")?.data as { into?: unknown } | undefined) : undefined;
  const mergedInto = typeof merged?.into === "string" ? merged.into : null;
  const denial = view.status === "DENIED" ? view.events.findLast((e) => e.action === "request.denied") : undefined;
  const denialReason = denial && typeof (denial.data as { reason?: unknown })?.reason === "string" ? (denial.data as { reason: string }).reason : null;
  if (view.closedAt) rows.push(["Closed", when(view.closedAt)]);
  // An agent's or parent's request waits for more than one email address.
  const waitingForOthers = view.status === "PENDING_VERIFICATION" && view.representation?.emailConfirmedAt != null;
  // The higher standard of verification: the email is confirmed, the questions wait for answers.
  const awaitingAnswers = view.status === "PENDING_VERIFICATION" && view.identity.check !== "NOT_NEEDED";

  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">Your privacy request</h1>
      {confirmed && !waitingForOthers && !awaitingAnswers ? (
        <div className="mt-6">
          <Alert tone="success" title="Email confirmed">
            {view.route === "CUSTOMER" || view.route === "SPLIT"
              ? "Thank you. We have passed your request to the company that controls the data, and emailed you who it is."
              : "Thank you. We have started work on your request and emailed you an acknowledgement."}
          </Alert>
        </div>
      ) : null}
      {subjectConfirmed && view.holder === "SUBJECT" ? (
        <div className="mt-6">
          <Alert tone="success" title="Thank you for confirming">
            {view.status !== "PENDING_VERIFICATION"
              ? "We have started work on the request and email you each update. This page is yours to follow it."
              : awaitingAnswers
                ? "One more step: answer the questions below, so that we know it is you."
                : "We start once we have everything we need from your agent, and email you each update."}
          </Alert>
        </div>
      ) : null}
      {appealed && view.appeal ? (
        <div className="mt-6">
          <Alert tone="success" title="Appeal sent">
            A different person reviews your appeal of request {view.appeal.ofReference}, and we email you the answer.{" "}
            {appealedFrom ? <a href={appealedFrom}>Back to request {view.appeal.ofReference}</a> : null}
          </Alert>
        </div>
      ) : null}
      {view.status === "MERGED" ? (
        <div className="mt-6">
          <Alert tone="info" title="Answered with your earlier request">
            You asked us the same in request {mergedInto ?? "sent earlier"}, which is still open, so we answer both there, once. Follow it with
            the status link in our emails about that request.
          </Alert>
        </div>
      ) : null}
      {view.type === "OPT_OUT_SALE" && view.status !== "DENIED" && view.status !== "CLOSED_SPAM" ? (
        <div className="mt-6">
          <Alert tone="success" title="Your opt-out is in effect">
            It took effect when we received it, on {dayOf(view.receivedAt)}: from then on we do not sell or share your personal
            information. You did not need to confirm your email for it.
            {view.gpcSignal ? " Your browser sent Global Privacy Control with it, and we recorded that too." : null}
          </Alert>
        </div>
      ) : null}
      {awaitingAnswers ? (
        <div className="mt-6">
          <Alert tone="info" title="Your email is confirmed: one more step">
            {view.holder === view.identity.answeredBy
              ? `Answer the questions under "Confirm who you are" below. If they are not answered ${waitDays} after the request was sent, it is closed.`
              : "We asked the person this request is about to confirm who they are; where it stands is below."}
          </Alert>
        </div>
      ) : waitingForOthers ? (
        <div className="mt-6">
          <Alert tone="info" title={view.holder === "SUBJECT" ? "Waiting for your agent" : "Your email is confirmed"}>
            {view.holder === "SUBJECT"
              ? "We start once we have everything we need from your agent."
              : `We start once we have the consumer's signed permission and their own confirmation; where each stands is below. If either is missing ${waitDays} after you sent the request, it is closed.`}
          </Alert>
        </div>
      ) : view.status === "PENDING_VERIFICATION" ? (
        <div className="mt-6">
          <Alert tone="info" title="Confirm your email to start">
            Use the code or the link in the email we sent you. If you don&apos;t confirm within {waitDays} the request is closed.
          </Alert>
        </div>
      ) : null}
      <p className="mt-4 text-sm text-slate-600">
        Keep this page&apos;s address private: anyone who has it can follow this request and read the messages about it, though
        never your name or email address.
      </p>
      <StatusFacts rows={rows} className="mt-6" />
      {identity === "PASSED" || identity === "FAILED" || identity === "FOR_OFFICER" ? (
        <div className="mt-6">
          <Alert tone={identity === "FAILED" ? "error" : "success"} title={identity === "FAILED" ? "Your answers did not match" : "Thank you: your answers are in"}>
            {identity === "PASSED"
              ? "They matched what we hold, so we have started work on your request and emailed you an acknowledgement."
              : identity === "FAILED"
                ? "They did not match what we hold, so we will not give out or erase any data on them. The privacy team reviews your request and writes to you."
                : "The privacy team checks some of them by hand; we have emailed you an acknowledgement and write when we know more."}
          </Alert>
        </div>
      ) : null}
      {view.identity.check !== "NOT_NEEDED" ? <IdentitySection token={token} view={view} /> : null}
      {view.representation ? (
        <RepresentationSection
          token={token}
          view={view}
          representation={view.representation}
          dayOf={dayOf}
          uploaded={document === "uploaded"}
          uploadError={documentError}
        />
      ) : null}
      {view.status === "DENIED" ? (
        <section aria-labelledby="decision-heading" className="mt-10">
          <h2 id="decision-heading" className="text-xl font-semibold text-slate-900">
            Our decision
          </h2>
          <p className="mt-2 text-slate-700">We did not do what you asked{denialReason ? ", for this reason:" : "."}</p>
          {denialReason ? <blockquote className="mt-2 border-l-4 border-slate-300 pl-3 whitespace-pre-wrap text-slate-900">{denialReason}</blockquote> : null}
          <p className="mt-3 text-slate-700">
            If you disagree, you can complain to {regulatorFor(view.jurisdiction, view.region)}.
            {canAppeal ? (
              <>
                {" "}
                You can also <a href="#appeal-heading">appeal this decision</a> on this page: a different person reviews it.
              </>
            ) : null}
          </p>
        </section>
      ) : null}
      {view.appeal?.reason ? (
        <section aria-labelledby="appeal-text-heading" className="mt-10">
          <h2 id="appeal-text-heading" className="text-xl font-semibold text-slate-900">
            What you wrote
          </h2>
          <blockquote className="mt-2 border-l-4 border-slate-300 pl-3 whitespace-pre-wrap text-slate-900">{view.appeal.reason}</blockquote>
        </section>
      ) : null}
      {view.referrals.length ? (
        <section aria-labelledby="referrals-heading" className="mt-10">
          <h2 id="referrals-heading" className="text-xl font-semibold text-slate-900">
            Who answers your request
          </h2>
          {view.route === "SPLIT" ? (
            <p className="mt-2 text-slate-700">We answer for the data we hold ourselves; the company below answers for its own.</p>
          ) : null}
          <ul className="mt-3 space-y-3">
            {view.referrals.map((r) => (
              <li key={r.id} className="rounded-md border border-slate-300 p-4">
                <p className="font-medium text-slate-900">{r.customerName}</p>
                <p className="mt-1 text-slate-700">
                  Controls the data from {r.workspaceName}. We passed your request to it on {dayOf(r.sentAt)}.
                </p>
                {r.contactEmail ? (
                  <p className="mt-1 text-slate-700">
                    Its privacy contact:{" "}
                    <a className="font-medium text-blue-700 underline" href={`mailto:${r.contactEmail}`}>
                      {r.contactEmail}
                    </a>
                  </p>
                ) : null}
                <p className="mt-2 text-slate-900">
                  <span className="font-medium">Where it stands:</span> {REFERRAL_STATE_LABELS[r.status]}
                  {r.closedAt ? ` (${dayOf(r.closedAt)})` : r.acknowledgedAt ? ` (since ${dayOf(r.acknowledgedAt)})` : ""}
                </p>
                {r.outcomeNote ? (
                  <blockquote className="mt-2 border-l-4 border-slate-300 pl-3 whitespace-pre-wrap text-slate-900">{r.outcomeNote}</blockquote>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {answered ? (
        <div className="mt-6">
          <Alert tone="success" title="Answer sent">
            Thank you. Your answer is with the privacy team.
          </Alert>
        </div>
      ) : null}
      {download ? (
        <div className="mt-6">
          <Alert tone="error">{HANDLING_ERRORS[download as keyof typeof HANDLING_ERRORS] ?? "The download did not work."}</Alert>
        </div>
      ) : null}
      {packages.length ? (
        <section aria-labelledby="download-heading" className="mt-10">
          <h2 id="download-heading" className="text-xl font-semibold text-slate-900">
            Your data
          </h2>
          <ul className="mt-3 space-y-2">
            {packages.map((p) => (
              <li key={p.id}>
                {p.purgedAt ? (
                  <span className="text-slate-700">
                    {p.filename}: the download link expired on {dayOf(p.expiresAt)}, and the file was deleted on {dayOf(p.purgedAt)}.
                    Write to us if you still need your data.
                  </span>
                ) : p.expired ? (
                  <span className="text-slate-700">
                    {p.filename}: the download link expired on {dayOf(p.expiresAt)}. Write to us for a new copy.
                  </span>
                ) : (
                  <>
                    <a className="font-medium text-blue-700 underline" href={`/requests/status/${token}/download/${p.id}`}>
                      Download {p.filename}
                    </a>{" "}
                    <span className="text-slate-700">
                      ({fileSize(p.size)}, available until {dayOf(p.expiresAt)})
                    </span>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {notices.length ? (
        <section aria-labelledby="told-heading" className="mt-10">
          <h2 id="told-heading" className="text-xl font-semibold text-slate-900">
            Who else we told
          </h2>
          <p className="mt-2 text-slate-700">
            The organisations that received your data from us, told of your request and asked to do the same (GDPR Art. 19).
          </p>
          <ul className="mt-3 space-y-2">
            {notices.map((n) => (
              <li key={n.id} className="rounded-md border border-slate-300 p-4">
                <p className="font-medium text-slate-900">{n.recipientName}</p>
                <p className="mt-1 text-slate-700">
                  {noticeState({ ...n, byConnector: n.channel === "CONNECTOR" }, dayOf)}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {messages.length ? (
        <section aria-labelledby="messages-heading" className="mt-10">
          <h2 id="messages-heading" className="text-xl font-semibold text-slate-900">
            Messages
          </h2>
          <ol className="mt-3 space-y-3">
            {messages.map((m) => (
              <li key={m.id} className={`rounded-md border p-3 ${m.author === "STAFF" ? "border-blue-200 bg-blue-50" : "border-slate-300 bg-white"}`}>
                <p className="text-sm text-slate-700">
                  {m.author === "STAFF" ? "Privacy team" : "You"} · {when(m.createdAt)}
                </p>
                <p className="mt-1 whitespace-pre-wrap text-slate-900">{m.body}</p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {canAnswer ? (
        <section aria-labelledby="answer-heading" className="mt-8">
          <h2 id="answer-heading" className="text-xl font-semibold text-slate-900">
            Answer the privacy team
          </h2>
          <div className="mt-3">
            <ReplyForm token={token} mode="answer" />
          </div>
        </section>
      ) : null}
      {canAppeal ? (
        <section aria-labelledby="appeal-heading" className="mt-10">
          <h2 id="appeal-heading" className="text-xl font-semibold text-slate-900">
            Appeal this decision
          </h2>
          <p className="mt-2 text-slate-700">
            If you disagree with our answer you can ask us to reconsider. A different person reviews the appeal and we answer
            within the time the law gives us.
          </p>
          <div className="mt-3">
            <ReplyForm token={token} mode="appeal" />
          </div>
        </section>
      ) : null}
      <section aria-labelledby="timeline-heading" className="mt-10">
        <h2 id="timeline-heading" className="text-xl font-semibold text-slate-900">
          Timeline
        </h2>
        <ol className="mt-4 space-y-4 border-l-2 border-slate-300 pl-5">
          {view.events.map((event) => {
            const entry = timelineEntry(event.action, event.data, timeZone);
            return (
              <li key={event.id}>
                <p className="font-medium text-slate-900">{entry.title}</p>
                <p className="text-sm text-slate-600">
                  <time dateTime={event.at.toISOString()}>{when(event.at)}</time>
                </p>
                {entry.detail ? <p className="mt-1 text-slate-700">{entry.detail}</p> : null}
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}
