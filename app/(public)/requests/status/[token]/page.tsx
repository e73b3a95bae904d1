import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { REGIMES } from "@/lib/requests/deadlines";
import { REQUEST_STATUS_LABELS, REQUEST_TYPE_LABELS } from "@/lib/requests/labels";
import { getStatusView } from "@/lib/requests/status-view";
import { timelineEntry } from "@/lib/requests/timeline";

export const metadata: Metadata = { title: "Your request", referrer: "no-referrer", robots: { index: false, follow: false } };

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });
const dateOnly = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

export default async function StatusPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ confirmed?: string }>;
}) {
  const [{ token }, { confirmed }] = await Promise.all([params, searchParams]);
  const view = await getStatusView(token);
  if (!view) notFound();
  const due = view.extendedDueAt ?? view.dueAt;
  const regime = REGIMES[view.jurisdiction];
  const rows: [string, string][] = [
    ["Reference", view.reference],
    ["Request", REQUEST_TYPE_LABELS[view.type]],
    ["Status", REQUEST_STATUS_LABELS[view.status]],
    ["Received", dateTime.format(view.receivedAt) + " UTC"],
    ["Email confirmed", view.verifiedAt ? dateTime.format(view.verifiedAt) + " UTC" : "Not yet"],
    ["We will answer by", due ? dateOnly.format(due) : "Once you confirm your email"],
    ["Law that sets the deadline", regime.label],
  ];
  if (view.closedAt) rows.push(["Closed", dateTime.format(view.closedAt) + " UTC"]);

  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">Your privacy request</h1>
      {confirmed ? (
        <div className="mt-6">
          <Alert tone="success" title="Email confirmed">
            Thank you. We have started work on your request and emailed you an acknowledgement.
          </Alert>
        </div>
      ) : null}
      {view.status === "PENDING_VERIFICATION" ? (
        <div className="mt-6">
          <Alert tone="info" title="Confirm your email to start">
            Use the code or the link in the email we sent you. If you don&apos;t confirm within 7 days the request is closed.
          </Alert>
        </div>
      ) : null}
      <p className="mt-4 text-sm text-slate-600">
        Keep this page&apos;s address private: anyone who has it can see the progress of this request (but not your name,
        email or what you wrote).
      </p>
      <dl className="mt-6 divide-y divide-slate-200 rounded-md border border-slate-300">
        {rows.map(([label, value]) => (
          <div key={label} className="grid grid-cols-1 gap-1 px-4 py-3 sm:grid-cols-3">
            <dt className="font-medium text-slate-700">{label}</dt>
            <dd className="text-slate-900 sm:col-span-2">{value}</dd>
          </div>
        ))}
      </dl>
      <h2 className="mt-10 text-xl font-semibold text-slate-900">Timeline</h2>
      <ol className="mt-4 space-y-4 border-l-2 border-slate-300 pl-5">
        {view.events.map((event) => {
          const entry = timelineEntry(event.action, event.data);
          return (
            <li key={event.id}>
              <p className="font-medium text-slate-900">{entry.title}</p>
              <p className="text-sm text-slate-600">
                <time dateTime={event.at.toISOString()}>{dateTime.format(event.at)} UTC</time>
              </p>
              {entry.detail ? <p className="mt-1 text-slate-700">{entry.detail}</p> : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
