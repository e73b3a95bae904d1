import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatCalendarDate } from "@/lib/dates/format";
import { db } from "@/lib/db";
import { getOwnerTaskView } from "@/lib/fulfillment/manual";
import { OWNER_ERRORS } from "@/lib/fulfillment/owner-messages";
import { OWNER_NOTE_MAX } from "@/lib/fulfillment/owner-schema";
import { AnsweredPage, linkPageMetadata, NoteField, readLinkPage, type LinkPageProps } from "../../link-page";

export const metadata = linkPageMetadata("Check a system for a privacy request");

export default async function OwnerTaskPage(props: LinkPageProps) {
  const { token, error } = await readLinkPage(props, OWNER_ERRORS);
  const view = await getOwnerTaskView(db, token);
  if (!view) notFound();
  if (view.state === "answered") {
    return (
      <AnsweredPage title="Answered, thank you">
          {view.operatorName}&apos;s privacy team has your answer for {view.systemName} (request {view.reference}). There is nothing
          more to do.
      </AnsweredPage>
    );
  }
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">Please check {view.systemName}</h1>
      <p className="mt-4 text-lg text-slate-800">
        Someone made a privacy request to {view.operatorName} (reference {view.reference}). {view.systemName} cannot be searched
        automatically, and the data map names you as its owner.
      </p>
      {error ? (
        <div className="mt-6">
          <Alert tone="error">{error}</Alert>
        </div>
      ) : null}
      <section aria-labelledby="look-heading" className="mt-10">
        <h2 id="look-heading" className="text-xl font-semibold text-slate-900">
          What to look for
        </h2>
        <dl className="mt-3 divide-y divide-slate-200 rounded-md border border-slate-300">
          {view.identities.map((i) => (
            <div key={`${i.label}:${i.value}`} className="grid grid-cols-1 gap-1 px-4 py-3 sm:grid-cols-3">
              <dt className="font-medium text-slate-700">{i.label}</dt>
              <dd className="break-all text-slate-900 sm:col-span-2">{i.value}</dd>
            </div>
          ))}
          <div className="grid grid-cols-1 gap-1 px-4 py-3 sm:grid-cols-3">
            <dt className="font-medium text-slate-700">Answer by</dt>
            <dd className="text-slate-900 sm:col-span-2">{view.dueDate ? formatCalendarDate(view.dueDate) : "As soon as you can"}</dd>
          </div>
        </dl>
        {view.collections.length ? (
          <>
            <h3 className="mt-6 text-lg font-semibold text-slate-900">Where, as the data map describes {view.systemName}</h3>
            <ul className="mt-2 list-disc space-y-1 pl-6 text-slate-800">
              {view.collections.map((c) => (
                <li key={c.name}>
                  <span className="font-medium">{c.name}</span>
                  {c.categories.length ? `: ${c.categories.join(", ")}` : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <section aria-labelledby="answer-heading" className="mt-10">
        <h2 id="answer-heading" className="text-xl font-semibold text-slate-900">
          Your answer
        </h2>
        <form method="post" action={`/tasks/${encodeURIComponent(token)}/answer`} encType="multipart/form-data" className="mt-4 space-y-6">
          <div>
            <label htmlFor="file" className="block font-medium text-slate-900">
              What you found (one file, up to 10 MB)
            </label>
            <p id="file-hint" className="mt-1 text-sm text-slate-700">
              For example an export of the matching rows. It is stored encrypted and only the privacy team sees it.
            </p>
            <input id="file" name="file" type="file" aria-describedby="file-hint" className="mt-2 block w-full text-slate-900" />
          </div>
          <div className="flex items-start gap-3">
            <input id="nothingFound" name="nothingFound" type="checkbox" value="1" className="mt-1 h-5 w-5" />
            <label htmlFor="nothingFound" className="text-slate-900">
              Nothing found: {view.systemName} holds no data about this person
            </label>
          </div>
          <NoteField max={OWNER_NOTE_MAX} />
          <Button type="submit">Send the answer</Button>
        </form>
      </section>
      <p className="mt-8 text-sm text-slate-600">Anyone with this page&apos;s address can answer this task: do not forward it.</p>
    </div>
  );
}
