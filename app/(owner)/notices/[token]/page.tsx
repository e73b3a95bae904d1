import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FactList } from "@/components/ui/fact-list";
import { db } from "@/lib/db";
import { getNoticeView } from "@/lib/recipients/notice-answer";
import { NOTICE_ERRORS, NOTICE_NOTE_MAX } from "@/lib/recipients/notice-schema";
import { isOwnerTask, NOTICE_WORDS, ownerTaskIntro } from "@/lib/recipients/notice-words";
import { AnsweredPage, linkPageMetadata, NoteField, readLinkPage, type LinkPageProps } from "../../link-page";

export const metadata = linkPageMetadata("Confirm a privacy request");

export default async function NoticePage(props: LinkPageProps) {
  const { token, error } = await readLinkPage(props, NOTICE_ERRORS);
  const view = await getNoticeView(db, token);
  if (!view) notFound();
  const words = NOTICE_WORDS[view.kind];
  const owner = isOwnerTask(view.kind);
  if (view.state === "confirmed") {
    return (
      <AnsweredPage title="Confirmed, thank you">
          {view.operatorName}&apos;s privacy team has your confirmation for {view.recipientName} (request {view.reference}). There is
          nothing more to do.
      </AnsweredPage>
    );
  }
  return (
    <div className="mx-auto max-w-2xl">
      {owner ? (
        <>
          <h1 className="text-3xl font-bold tracking-tight text-slate-900">
            Please {words.title} one person&apos;s data in {view.recipientName}
          </h1>
          <p className="mt-4 text-lg text-slate-800">{ownerTaskIntro(view.kind, view.reference, view.recipientName)}</p>
        </>
      ) : (
        <>
          <h1 className="text-3xl font-bold tracking-tight text-slate-900">Please {words.title} this person&apos;s data too</h1>
          <p className="mt-4 text-lg text-slate-800">
            A person asked {view.operatorName} to {words.title} their personal data (reference {view.reference}), and it has been{" "}
            {words.done} in {view.operatorName}&apos;s systems. {view.recipientName} is told because it{" "}
            {view.asController ? "is the controller of the workspace the request concerned" : "receives personal data from us"}.
          </p>
        </>
      )}
      {error ? (
        <div className="mt-6">
          <Alert tone="error">{error}</Alert>
        </div>
      ) : null}
      <section aria-labelledby="person-heading" className="mt-10">
        <h2 id="person-heading" className="text-xl font-semibold text-slate-900">
          The person
        </h2>
        <FactList facts={view.identities.map((i) => [i.label, i.value])} className="mt-3 rounded-md border border-slate-300" />
        {view.uses.length ? (
          <>
            <h3 className="mt-6 text-lg font-semibold text-slate-900">The uses concerned</h3>
            <FactList facts={view.uses.map((u) => [u.label, u.key])} className="mt-2 rounded-md border border-slate-300" />
          </>
        ) : null}
        {view.asked.length ? (
          <>
            <h3 className="mt-6 text-lg font-semibold text-slate-900">{view.kind === "ERASE_BY_HAND" ? "What to erase" : "What they asked"}</h3>
            <FactList facts={view.asked.map((a) => [a.label, a.value])} className="mt-2 rounded-md border border-slate-300" />
          </>
        ) : null}
      </section>
      <section aria-labelledby="confirm-heading" className="mt-10">
        <h2 id="confirm-heading" className="text-xl font-semibold text-slate-900">
          Your confirmation
        </h2>
        <p className="mt-2 text-slate-800">{words.ask}</p>
        <form method="post" action={`/notices/${encodeURIComponent(token)}/confirm`} className="mt-4 space-y-6">
          <fieldset>
            <legend className="font-medium text-slate-900">What {view.recipientName} did</legend>
            <div className="mt-2 space-y-2">
              <div className="flex items-start gap-3">
                <input id="outcome-done" name="outcome" type="radio" value="DONE" required className="mt-1 h-5 w-5" />
                <label htmlFor="outcome-done" className="text-slate-900">
                  {words.confirm}
                </label>
              </div>
              <div className="flex items-start gap-3">
                <input id="outcome-nothing" name="outcome" type="radio" value="HELD_NOTHING" className="mt-1 h-5 w-5" />
                <label htmlFor="outcome-nothing" className="text-slate-900">
                  {words.heldNothing}
                </label>
              </div>
            </div>
          </fieldset>
          <NoteField max={NOTICE_NOTE_MAX} />
          <Button type="submit">Send the confirmation</Button>
        </form>
      </section>
      <p className="mt-8 text-sm text-slate-600">Anyone with this page&apos;s address can confirm: do not forward it.</p>
    </div>
  );
}
