import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { formatCalendarDate, formatInstant, formatInstantDate } from "@/lib/dates/format";
import { localePath } from "@/lib/i18n/locales";
import { readerLocale } from "@/lib/i18n/server";
import { getOperatorTimeZone } from "@/lib/organization/settings";
import { readHandling } from "@/lib/organization/handling";
import { fileSize } from "@/lib/packages/display";
import { getStatusView } from "@/lib/requests/status-view";
import { listNotices } from "@/lib/recipients/notices";
import { timelineEntry } from "@/lib/requests/timeline";
import { db } from "@/lib/db";
import { listMessages } from "@/lib/requests/handling/ask-for-information";
import { listRequesterPackages } from "@/lib/requests/handling/complete";
import { appealRefusal, isUnfinished } from "@/lib/requests/lifecycle";
import { regulatorIn } from "@/lib/requests/law-words";
import { replyFieldWords } from "../field-words";
import { ReplyForm } from "./reply-form";
import { RepresentationSection } from "./representation-section";
import { StatusFacts } from "./status-facts";
import { IdentitySection } from "./identity-section";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("status");
  return { title: t("metaTitle"), referrer: "no-referrer", robots: { index: false, follow: false } };
}

/** The download refusals the page words (lib/http/file-download.ts sends them back as ?download=CODE). */
const DOWNLOAD_ERRORS = new Set(["PACKAGE_NOT_READY", "PACKAGE_EXPIRED", "NOT_FOUND", "INVALID_TRANSITION"]);

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
  const [view, timeZone, handling, locale, t, words] = await Promise.all([
    getStatusView(token),
    getOperatorTimeZone(),
    readHandling(db),
    readerLocale(),
    getTranslations("status"),
    getTranslations("requests"),
  ]);
  if (!view) notFound();
  // Links from this page stay in the language it is read in.
  const here = (path: string) => localePath(locale, path);
  const appealedFrom = appealed && from && /^[A-Za-z0-9_-]{20,100}$/.test(from) ? here(`/requests/status/${from}`) : null;
  const waitDays = t("days", { count: handling.unverifiedExpiryDays });
  // Moments in the operator's time zone, the zone named; the day a moment fell on there.
  const when = (at: Date) => formatInstant(at, timeZone, "long", locale);
  const dayOf = (at: Date) => formatInstantDate(at, timeZone, "long", locale);
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
  const rows: [string, string][] = [
    [t("facts.reference"), view.reference],
    [t("facts.request"), words(`types.${view.type}`)],
    [t("facts.status"), words(`statuses.${view.status}`)],
    [t("facts.received"), when(view.receivedAt)],
    // An opt-out of sale or sharing needs no confirmation (CCPA §7026): "Not yet" would read as pending.
    view.representation
      ? [t("facts.readyToAct"), view.verifiedAt ? when(view.verifiedAt) : t("facts.notYet")]
      : [
          t("facts.emailConfirmed"),
          view.verifiedAt ? when(view.verifiedAt) : view.type === "OPT_OUT_SALE" ? t("facts.notNeededOptOut") : t("facts.notYet"),
        ],
    [t("facts.law"), words(`jurisdictions.${view.jurisdiction}`)],
  ];
  if (view.appeal) rows.splice(2, 0, [t("facts.appealOf"), view.appeal.ofReference]);
  // Only while an answer is owed: a closed request's deadline is history, not a promise.
  if (isUnfinished(view.status) || view.status === "PENDING_VERIFICATION") {
    rows.splice(rows.length - 1, 0, [
      view.route === "CUSTOMER" ? t("facts.answerDueBy") : t("facts.weWillAnswerBy"),
      due ? formatCalendarDate(due, "long", locale) : t("facts.onceYouConfirm"),
    ]);
  }
  // A denial's reasons as we wrote them (the email has them too), and where to turn next.
  const merged = view.status === "MERGED" ? (view.events.findLast((e) => e.action === "request.merged")?.data as { into?: unknown } | undefined) : undefined;
  const mergedInto = typeof merged?.into === "string" ? merged.into : null;
  const denial = view.status === "DENIED" ? view.events.findLast((e) => e.action === "request.denied") : undefined;
  const denialReason = denial && typeof (denial.data as { reason?: unknown })?.reason === "string" ? (denial.data as { reason: string }).reason : null;
  if (view.closedAt) rows.push([t("facts.closed"), when(view.closedAt)]);
  // An agent's or parent's request waits for more than one email address.
  const waitingForOthers = view.status === "PENDING_VERIFICATION" && view.representation?.emailConfirmedAt != null;
  // The higher standard of verification: the email is confirmed, the questions wait for answers.
  const awaitingAnswers = view.status === "PENDING_VERIFICATION" && view.identity.check !== "NOT_NEEDED";
  const replyWords = (mode: "answer" | "appeal") => ({
    label: t(mode === "answer" ? "replyForm.answerLabel" : "replyForm.appealLabel"),
    submit: t(mode === "answer" ? "replyForm.answerSubmit" : "replyForm.appealSubmit"),
    sending: t("replyForm.sending"),
    errors: replyErrors(mode === "answer" ? "message" : "reason"),
  });
  // The handling schema's English messages (zod says them in the browser, the action on the
  // server) → the reader's language.
  const replyErrors = (field: "message" | "reason") =>
    Object.fromEntries(Object.entries(replyFieldWords(field)).map(([english, { key, values }]) => [english, t(`replyForm.errors.${key}`, values)]));

  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("title")}</h1>
      {confirmed && !waitingForOthers && !awaitingAnswers ? (
        <div className="mt-6">
          <Alert tone="success" title={t("alerts.confirmedTitle")}>
            {view.route === "CUSTOMER" || view.route === "SPLIT" ? t("alerts.confirmedReferred") : t("alerts.confirmedStarted")}
          </Alert>
        </div>
      ) : null}
      {subjectConfirmed && view.holder === "SUBJECT" ? (
        <div className="mt-6">
          <Alert tone="success" title={t("alerts.subjectConfirmedTitle")}>
            {view.status !== "PENDING_VERIFICATION"
              ? t("alerts.subjectConfirmedStarted")
              : awaitingAnswers
                ? t("alerts.subjectConfirmedAnswer")
                : t("alerts.subjectConfirmedWaiting")}
          </Alert>
        </div>
      ) : null}
      {appealed && view.appeal ? (
        <div className="mt-6">
          <Alert tone="success" title={t("alerts.appealSentTitle")}>
            {t("alerts.appealSent", { reference: view.appeal.ofReference })}{" "}
            {appealedFrom ? <a href={appealedFrom}>{t("alerts.backToRequest", { reference: view.appeal.ofReference })}</a> : null}
          </Alert>
        </div>
      ) : null}
      {view.status === "MERGED" ? (
        <div className="mt-6">
          <Alert tone="info" title={t("alerts.mergedTitle")}>
            {t("alerts.merged", { reference: mergedInto ?? t("alerts.mergedSentEarlier") })}
          </Alert>
        </div>
      ) : null}
      {view.type === "OPT_OUT_SALE" && view.status !== "DENIED" && view.status !== "CLOSED_SPAM" ? (
        <div className="mt-6">
          <Alert tone="success" title={t("alerts.optOutTitle")}>
            {t("alerts.optOut", { on: dayOf(view.receivedAt) })}
            {view.gpcSignal ? t("alerts.optOutGpc") : null}
          </Alert>
        </div>
      ) : null}
      {awaitingAnswers ? (
        <div className="mt-6">
          <Alert tone="info" title={t("alerts.oneMoreStepTitle")}>
            {view.holder === view.identity.answeredBy ? t("alerts.oneMoreStepMine", { days: waitDays }) : t("alerts.oneMoreStepOther")}
          </Alert>
        </div>
      ) : waitingForOthers ? (
        <div className="mt-6">
          <Alert tone="info" title={view.holder === "SUBJECT" ? t("alerts.waitingForAgentTitle") : t("alerts.emailConfirmedTitle")}>
            {view.holder === "SUBJECT" ? t("alerts.waitingForAgent") : t("alerts.waitingForOthers", { days: waitDays })}
          </Alert>
        </div>
      ) : view.status === "PENDING_VERIFICATION" ? (
        <div className="mt-6">
          <Alert tone="info" title={t("alerts.confirmToStartTitle")}>
            {t("alerts.confirmToStart", { days: waitDays })}
          </Alert>
        </div>
      ) : null}
      <p className="mt-4 text-sm text-slate-600">{t("alerts.keepPrivate")}</p>
      <StatusFacts rows={rows} className="mt-6" />
      {identity === "PASSED" || identity === "FAILED" || identity === "FOR_OFFICER" ? (
        <div className="mt-6">
          <Alert tone={identity === "FAILED" ? "error" : "success"} title={identity === "FAILED" ? t("alerts.identityFailedTitle") : t("alerts.identityInTitle")}>
            {identity === "PASSED" ? t("alerts.identityPassed") : identity === "FAILED" ? t("alerts.identityFailed") : t("alerts.identityForOfficer")}
          </Alert>
        </div>
      ) : null}
      {view.identity.check !== "NOT_NEEDED" ? <IdentitySection token={token} view={view} here={here(`/requests/status/${token}`)} /> : null}
      {view.representation ? (
        <RepresentationSection
          token={token}
          view={view}
          representation={view.representation}
          dayOf={dayOf}
          locale={locale}
          uploaded={document === "uploaded"}
          uploadError={documentError}
        />
      ) : null}
      {view.status === "DENIED" ? (
        <section aria-labelledby="decision-heading" className="mt-10">
          <h2 id="decision-heading" className="text-xl font-semibold text-slate-900">
            {t("decision.title")}
          </h2>
          <p className="mt-2 text-slate-700">{denialReason ? t("decision.notDoneReason") : t("decision.notDone")}</p>
          {denialReason ? <blockquote className="mt-2 border-l-4 border-slate-300 pl-3 whitespace-pre-wrap text-slate-900">{denialReason}</blockquote> : null}
          <p className="mt-3 text-slate-700">
            {t("decision.complain", { regulator: regulatorIn(view.jurisdiction, view.region, locale) })}
            {canAppeal ? (
              <>
                {" "}
                {t.rich("decision.canAppeal", { link: (chunks: ReactNode) => <a href="#appeal-heading">{chunks}</a> })}
              </>
            ) : null}
          </p>
        </section>
      ) : null}
      {view.appeal?.reason ? (
        <section aria-labelledby="appeal-text-heading" className="mt-10">
          <h2 id="appeal-text-heading" className="text-xl font-semibold text-slate-900">
            {t("decision.whatYouWrote")}
          </h2>
          <blockquote className="mt-2 border-l-4 border-slate-300 pl-3 whitespace-pre-wrap text-slate-900">{view.appeal.reason}</blockquote>
        </section>
      ) : null}
      {view.referrals.length ? (
        <section aria-labelledby="referrals-heading" className="mt-10">
          <h2 id="referrals-heading" className="text-xl font-semibold text-slate-900">
            {t("referrals.title")}
          </h2>
          {view.route === "SPLIT" ? <p className="mt-2 text-slate-700">{t("referrals.split")}</p> : null}
          <ul className="mt-3 space-y-3">
            {view.referrals.map((r) => (
              <li key={r.id} className="rounded-md border border-slate-300 p-4">
                <p className="font-medium text-slate-900">{r.customerName}</p>
                <p className="mt-1 text-slate-700">{t("referrals.controls", { workspace: r.workspaceName, on: dayOf(r.sentAt) })}</p>
                {r.contactEmail ? (
                  <p className="mt-1 text-slate-700">
                    {t("referrals.contact")}{" "}
                    <a className="font-medium text-blue-700 underline" href={`mailto:${r.contactEmail}`}>
                      {r.contactEmail}
                    </a>
                  </p>
                ) : null}
                <p className="mt-2 text-slate-900">
                  <span className="font-medium">{t("referrals.whereItStands")}</span> {t(`referrals.states.${r.status}`)}
                  {r.closedAt ? ` (${dayOf(r.closedAt)})` : r.acknowledgedAt ? ` (${t("referrals.since", { on: dayOf(r.acknowledgedAt) })})` : ""}
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
          <Alert tone="success" title={t("alerts.answerSentTitle")}>
            {t("alerts.answerSent")}
          </Alert>
        </div>
      ) : null}
      {download ? (
        <div className="mt-6">
          <Alert tone="error">
            {DOWNLOAD_ERRORS.has(download)
              ? t(`downloads.errors.${download as "PACKAGE_NOT_READY" | "PACKAGE_EXPIRED" | "NOT_FOUND" | "INVALID_TRANSITION"}`)
              : t("alerts.downloadFailed")}
          </Alert>
        </div>
      ) : null}
      {packages.length ? (
        <section aria-labelledby="download-heading" className="mt-10">
          <h2 id="download-heading" className="text-xl font-semibold text-slate-900">
            {t("downloads.title")}
          </h2>
          <ul className="mt-3 space-y-2">
            {packages.map((p) => (
              <li key={p.id}>
                {p.purgedAt ? (
                  <span className="text-slate-700">
                    {t("downloads.purged", { filename: p.filename, expired: dayOf(p.expiresAt), deleted: dayOf(p.purgedAt) })}
                  </span>
                ) : p.expired ? (
                  <span className="text-slate-700">{t("downloads.expired", { filename: p.filename, expired: dayOf(p.expiresAt) })}</span>
                ) : (
                  <>
                    <a className="font-medium text-blue-700 underline" href={here(`/requests/status/${token}/download/${p.id}`)}>
                      {t("downloads.download", { filename: p.filename })}
                    </a>{" "}
                    <span className="text-slate-700">{t("downloads.available", { size: fileSize(p.size, locale), on: dayOf(p.expiresAt) })}</span>
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
            {t("notices.title")}
          </h2>
          <p className="mt-2 text-slate-700">{t("notices.intro")}</p>
          <ul className="mt-3 space-y-2">
            {notices.map((n) => (
              <li key={n.id} className="rounded-md border border-slate-300 p-4">
                <p className="font-medium text-slate-900">{n.recipientName}</p>
                <p className="mt-1 text-slate-700">
                  {n.channel === "CONNECTOR"
                    ? t(n.kind === "CORRECTION" ? "notices.byUsCorrected" : "notices.byUsErased", { on: dayOf(n.confirmedAt ?? n.sentAt) })
                    : !n.confirmedAt
                      ? t("notices.told", { on: dayOf(n.sentAt) })
                      : t(n.heldNothing ? "notices.toldNothing" : "notices.toldDone", { on: dayOf(n.sentAt), confirmed: dayOf(n.confirmedAt) })}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {messages.length ? (
        <section aria-labelledby="messages-heading" className="mt-10">
          <h2 id="messages-heading" className="text-xl font-semibold text-slate-900">
            {t("messages.title")}
          </h2>
          <ol className="mt-3 space-y-3">
            {messages.map((m) => (
              <li key={m.id} className={`rounded-md border p-3 ${m.author === "STAFF" ? "border-blue-200 bg-blue-50" : "border-slate-300 bg-white"}`}>
                <p className="text-sm text-slate-700">
                  {m.author === "STAFF" ? t("messages.privacyTeam") : t("messages.you")} · {when(m.createdAt)}
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
            {t("messages.answerTitle")}
          </h2>
          <div className="mt-3">
            <ReplyForm token={token} mode="answer" words={replyWords("answer")} here={here(`/requests/status/${token}`)} />
          </div>
        </section>
      ) : null}
      {canAppeal ? (
        <section aria-labelledby="appeal-heading" className="mt-10">
          <h2 id="appeal-heading" className="text-xl font-semibold text-slate-900">
            {t("appeal.title")}
          </h2>
          <p className="mt-2 text-slate-700">{t("appeal.intro")}</p>
          <div className="mt-3">
            <ReplyForm token={token} mode="appeal" words={replyWords("appeal")} here={here(`/requests/status/${token}`)} />
          </div>
        </section>
      ) : null}
      <section aria-labelledby="timeline-heading" className="mt-10">
        <h2 id="timeline-heading" className="text-xl font-semibold text-slate-900">
          {t("timeline.title")}
        </h2>
        <ol className="mt-4 space-y-4 border-l-2 border-slate-300 pl-5">
          {view.events.map((event) => {
            const entry = timelineEntry(event.action, event.data, timeZone, locale);
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
