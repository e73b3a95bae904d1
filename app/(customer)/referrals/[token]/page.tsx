import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { UntrustedText } from "@/components/ui/untrusted-text";
import { formatCalendarDate, formatInstant } from "@/lib/dates/format";
import { FORMAT_LOCALES, type Locale } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";
import { localeHref, readerLocale } from "@/lib/i18n/server";
import { getOperatorTimeZone } from "@/lib/organization/settings";
import { db } from "@/lib/db";
import { getCustomerReferralView, type CustomerReferralView } from "@/lib/referrals/customer";
import { REFERRAL_NOTE_MAX } from "@/lib/referrals/close-schema";
import { referralPath } from "@/lib/referrals/refer";
import { customerWorkspaceErasure, type CustomerErasureSection } from "@/lib/referrals/workspace-erasure-view";
import { isWorkspaceErasureRefusal, type WorkspaceErasureRefusal } from "@/lib/referrals/workspace-erasure-words";
import { acknowledgeAction, requestExportAction } from "./actions";
import { ClosedReferral } from "./closed-referral";
import { CloseForm } from "./close-form";
import { Confirmation } from "./confirmation";
import { detailLines } from "./details";
import { mailto } from "./mail-link";
import { doneFrom, type Done } from "./page-state";
import { WorkspaceErasureSection } from "./workspace-erasure-section";
import { ActionForm } from "@/components/ui/action-form";

// The link is the customer's only credential: never sent on in a Referer (the site-wide header
// says the same) and never indexed.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("referral");
  return { title: t("metaTitle"), referrer: "no-referrer", robots: { index: false, follow: false } };
}

type OpenView = Extract<CustomerReferralView, { state: "open" }>;

export default async function ReferralPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ done?: string | string[]; failed?: string | string[]; download?: string | string[]; refused?: string | string[] }>;
}) {
  const [{ token }, query] = await Promise.all([params, searchParams]);
  const [view, timeZone, locale] = await Promise.all([getCustomerReferralView(token), getOperatorTimeZone(), readerLocale()]);
  if (!view) notFound();
  const done = doneFrom(query.done);
  if (view.state === "closed") return <ClosedReferral view={view} done={done} timeZone={timeZone} />;
  const erasure = await customerWorkspaceErasure(db, token);
  return (
    <OpenReferral
      token={token}
      view={view}
      erasure={erasure}
      done={done}
      refused={isWorkspaceErasureRefusal(query.refused) ? query.refused : null}
      failed={query.failed === "1"}
      downloadFailed={query.download === "PACKAGE_EXPIRED"}
      timeZone={timeZone}
      locale={locale}
    />
  );
}

/** The confirmation for what the customer just did, if the referral shows it really happened. */
async function DoneMessage({ view, erasure, done }: { view: OpenView; erasure: CustomerErasureSection | null; done: Done | null }) {
  const t = await getTranslations("referral.done");
  const run = erasure?.offered ? erasure.run : null;
  const names = { workspace: view.workspaceName, operator: view.operatorName };
  if (done === "erasure-started" && run && run.status !== "CANCELLED") {
    return <Confirmation title={t("erasureStartedTitle")}>{t("erasureStarted", names)}</Confirmation>;
  }
  if (done === "erasure-approved" && run?.approvedAt) {
    return <Confirmation title={t("erasureApprovedTitle")}>{t("erasureApproved", names)}</Confirmation>;
  }
  if (done === "erasure-cancelled" && run?.status === "CANCELLED") {
    return <Confirmation title={t("erasureCancelledTitle")}>{t("erasureCancelled", names)}</Confirmation>;
  }
  if (done === "acknowledged" && view.acknowledgedAt) {
    return <Confirmation title={t("acknowledgedTitle")}>{t("acknowledged")}</Confirmation>;
  }
  if (done === "export" && view.exportRequestedAt) {
    return <Confirmation title={t("exportTitle")}>{t("export", names)}</Confirmation>;
  }
  return null;
}

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="mt-3 divide-y divide-slate-200 rounded-md border border-slate-300">
      {rows.map(([label, value]) => (
        <div key={label} className="grid grid-cols-1 gap-1 px-4 py-3 sm:grid-cols-3">
          <dt className="font-medium text-slate-700">{label}</dt>
          <dd className="whitespace-pre-wrap text-slate-900 sm:col-span-2">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-10">
      <h2 id={id} className="text-xl font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Why an erasure step was refused; the words that send the customer to us carry our address. */
async function Refusal({ code, view }: { code: WorkspaceErasureRefusal; view: OpenView }) {
  const t = await getTranslations("referral.refusal");
  const writeToUs = code === "NO_WORKSPACE_CONTENT" || code === "LEGAL_HOLD";
  return (
    <Confirmation tone="error" title={t("title")}>
      {t(`codes.${code}`)}
      {writeToUs ? (
        <>
          {" "}
          {t.rich("writeToUs", { email: view.operatorPrivacyEmail, link: mailto(view.operatorPrivacyEmail) })}
        </>
      ) : null}
    </Confirmation>
  );
}

/** "12.3 KB", "4,2 MB": as lib/packages/display.ts writes sizes, in the reader's numbers. */
function sizeIn(bytes: number, locale: Locale, t: (key: "kilobytes" | "megabytes", values: { size: string }) => string): string {
  const number = new Intl.NumberFormat(FORMAT_LOCALES[locale], { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false });
  return bytes < 1024 * 1024 ? t("kilobytes", { size: number.format(bytes / 1024) }) : t("megabytes", { size: number.format(bytes / 1024 / 1024) });
}

async function OpenReferral({
  token,
  view,
  erasure,
  done,
  refused,
  failed,
  downloadFailed,
  timeZone,
  locale,
}: {
  token: string;
  view: OpenView;
  /** The section to instruct an erasure in the workspace (a deletion request). */
  erasure: CustomerErasureSection | null;
  done: Done | null;
  /** An erasure step just refused. */
  refused: WorkspaceErasureRefusal | null;
  failed: boolean;
  /** An export's download link was followed after it expired. */
  downloadFailed: boolean;
  /** The operator's: moments are shown in it. */
  timeZone: string;
  locale: Locale;
}) {
  const [t, words] = await Promise.all([getTranslations("referral"), getTranslations("requests")]);
  const formatMoment = (at: Date) => formatInstant(at, timeZone, "long", locale);
  const formatDay = (day: string) => formatCalendarDate(day, "long", locale);
  const page = await localeHref(referralPath(encodeURIComponent(token)));
  const requesterName = view.requester.name.trim() || t("open.someone");
  const law = words(`jurisdictions.${view.codes.jurisdiction}`);
  const { workspaceName: workspace, operatorName: operator, customerName: customer, operatorPrivacyEmail: email } = view;
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t("open.heading", { reference: view.reference })}</h1>
      <p className="mt-4 text-lg text-slate-800">
        {t.rich("open.intro", { name: requesterName, operator, workspace, customer, requester: () => <UntrustedText>{requesterName}</UntrustedText> })}
      </p>
      <div className="mt-6 space-y-4">
        <DoneMessage view={view} erasure={erasure} done={done} />
        {refused ? <Refusal code={refused} view={view} /> : null}
        {failed ? <Alert tone="error">{t("problem")}</Alert> : null}
        {downloadFailed ? <Alert tone="error">{t.rich("open.downloadExpired", { email, reference: view.reference, link: mailto(email) })}</Alert> : null}
        <div className="rounded-md border-2 border-blue-700 bg-blue-50 p-4 text-blue-950">
          <p className="text-lg font-semibold">{view.dueDate ? t("open.answerBy", { deadline: formatDay(view.dueDate) }) : t("open.answerSoon")}</p>
          <p className="mt-1">{t("open.deadlineSetBy", { law })}</p>
        </div>
        {view.includesOperatorPart ? (
          <Alert tone="info" title={t("open.operatorPartTitle", { operator })}>
            {t("open.operatorPart", { operator, workspace })}
          </Alert>
        ) : (
          <p className="text-slate-800">{t("open.wholeRequest", { operator })}</p>
        )}
      </div>
      <p className="mt-4 text-sm text-slate-600">{t("open.keepAddress", { customer })}</p>

      <Section id="request-heading" title={t("facts.requestHeading")}>
        <Facts
          rows={[
            [t("facts.reference"), view.reference],
            [t("facts.request"), words(`types.${view.codes.requestType}`)],
            [t("facts.law"), law],
            [t("facts.answerBy"), view.dueDate ? formatDay(view.dueDate) : t("facts.noDeadline")],
            [t("facts.workspace"), workspace],
          ]}
        />
      </Section>

      <Section id="requester-heading" title={t("facts.requesterHeading")}>
        <Facts
          rows={[
            [t("facts.name"), view.requester.name ? <UntrustedText>{view.requester.name}</UntrustedText> : t("facts.notGiven")],
            [t("facts.email"), view.requester.email ? <a href={`mailto:${view.requester.email}`}>{view.requester.email}</a> : t("facts.notGiven")],
            [t("facts.relationship"), words(`relationships.${view.codes.relationship}`)],
          ]}
        />
        {view.details.length ? (
          <>
            <h3 className="mt-6 text-lg font-semibold text-slate-900">{t("facts.toldUs")}</h3>
            <Facts rows={detailLines(view.codes.details, messagesFor(locale).referral.details).map((d) => [d.label, <UntrustedText>{d.value}</UntrustedText>])} />
          </>
        ) : null}
      </Section>

      <Section id="progress-heading" title={t("facts.progressHeading")}>
        <Facts
          rows={[
            [t("facts.sentToYou"), formatMoment(view.sentAt)],
            [t("facts.acknowledged"), view.acknowledgedAt ? formatMoment(view.acknowledgedAt) : t("facts.notYet")],
            [t("facts.export"), view.exportRequestedAt ? t("facts.exportRequested", { moment: formatMoment(view.exportRequestedAt) }) : t("facts.exportNotRequested")],
          ]}
        />
        {view.status === "ESCALATED" ? <p className="mt-3 text-slate-800">{t("facts.escalated", { operator })}</p> : null}
      </Section>

      {view.exports.length ? (
        <Section id="exports-heading" title={t("exports.heading")}>
          <p className="mt-2 text-slate-800">{t("exports.intro", { operator, workspace })}</p>
          <ul className="mt-3 space-y-2">
            {view.exports.map((e) => (
              <li key={e.id}>
                {e.expired ? (
                  <span className="text-slate-700">
                    {t.rich("exports.expired", { filename: e.filename, moment: formatMoment(e.expiresAt), email, link: mailto(email) })}
                  </span>
                ) : (
                  <>
                    <a className="font-medium text-blue-700 underline" href={`${page}/export/${e.id}`}>
                      {t("exports.download", { filename: e.filename })}
                    </a>{" "}
                    <span className="text-slate-700">
                      {t("exports.available", { size: sizeIn(e.size, locale, (key, values) => t(`exports.${key}`, values)), moment: formatMoment(e.expiresAt) })}
                    </span>
                  </>
                )}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {!view.acknowledgedAt ? (
        <Section id="acknowledge-heading" title={t("acknowledge.heading")}>
          <p className="mt-2 text-slate-800">{t("acknowledge.intro")}</p>
          <ActionForm action={acknowledgeAction} permalink={page} className="mt-3">
            <input type="hidden" name="token" value={token} />
            <Button type="submit">{t("acknowledge.button")}</Button>
          </ActionForm>
        </Section>
      ) : null}

      {!view.exportRequestedAt ? (
        <Section id="export-heading" title={t("askExport.heading")}>
          <p className="mt-2 text-slate-800">{t("askExport.intro", { workspace })}</p>
          <ActionForm action={requestExportAction} permalink={page} className="mt-3">
            <input type="hidden" name="token" value={token} />
            <Button type="submit" variant="secondary">
              {t("askExport.button", { operator })}
            </Button>
          </ActionForm>
        </Section>
      ) : null}

      {erasure?.offered ? (
        <WorkspaceErasureSection
          token={token}
          page={page}
          section={erasure}
          names={{ workspaceName: workspace, operatorName: operator, operatorPrivacyEmail: email }}
          formatMoment={formatMoment}
        />
      ) : null}

      <Section id="close-heading" title={t("close.heading")}>
        <p className="mt-2 text-slate-800">{t("close.intro")}</p>
        <div className="mt-4">
          <CloseForm
            token={token}
            permalink={page}
            words={{
              legend: t("close.legend"),
              outcomes: [
                { value: "COMPLETED", label: t("close.completed"), hint: t("close.completedHint") },
                { value: "REFUSED", label: t("close.refused"), hint: t("close.refusedHint") },
              ],
              note: t("close.note"),
              noteHint: t("close.noteHint", { operator, max: new Intl.NumberFormat(FORMAT_LOCALES[locale]).format(REFERRAL_NOTE_MAX) }),
              afterwards: t("close.afterwards"),
              submit: t("close.submit"),
              submitting: t("close.submitting"),
            }}
          />
        </div>
      </Section>
    </div>
  );
}
