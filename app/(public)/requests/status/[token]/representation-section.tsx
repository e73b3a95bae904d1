import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { RepresentationDocumentKind } from "@/lib/generated/prisma/enums";
import { fileSize } from "@/lib/packages/display";
import { DOCUMENT_KIND_LABELS, DOCUMENT_UPLOAD_ERRORS } from "@/lib/representation/words";
import { MAX_DOCUMENTS_PER_REQUEST } from "@/lib/representation/limits";
import type { StatusView } from "@/lib/requests/status-view";
import { StatusFacts } from "./status-facts";

type Representation = NonNullable<StatusView["representation"]>;

/**
 * A request filed by an authorized agent or a parent, as each of its two readers sees it: the
 * person acting gets the checklist and the upload form; the consumer an agent acts for, that the
 * request was made for them. No names or addresses, as on the rest of the page.
 */
export function RepresentationSection({
  token,
  view,
  representation: r,
  dayOf,
  uploaded,
  uploadError,
}: {
  token: string;
  view: Pick<StatusView, "status" | "closedAt" | "holder">;
  representation: Representation;
  dayOf: (at: Date) => string;
  uploaded: boolean;
  uploadError: string | undefined;
}) {
  const agent = r.submittedBy === "AGENT";
  if (view.holder === "SUBJECT") {
    return (
      <section aria-labelledby="representation-heading" className="mt-10">
        <h2 id="representation-heading" className="text-xl font-semibold text-slate-900">
          Made for you by your authorized agent
        </h2>
        <p className="mt-2 text-slate-700">
          {r.subjectConfirmedAt
            ? `You confirmed on ${dayOf(r.subjectConfirmedAt)} that you authorised them. `
            : "You have not confirmed that you authorised them. "}
          We send you a copy of every update about it, and you can follow it here. Your agent follows it on their own page.
        </p>
      </section>
    );
  }
  const open = view.closedAt === null && view.status !== "CLOSED_UNVERIFIED";
  const canUpload = open && r.emailConfirmedAt !== null && r.documents.length < MAX_DOCUMENTS_PER_REQUEST;
  const permission = r.documents.find((d) => d.kind === "SIGNED_PERMISSION");
  const steps: [string, string][] = [
    ["Your email address", r.emailConfirmedAt ? `Confirmed on ${dayOf(r.emailConfirmedAt)}` : "Not confirmed yet: use the code we emailed you"],
  ];
  if (agent) {
    steps.push([
      "The consumer's signed permission",
      permission ? `Received on ${dayOf(permission.createdAt)}` : "Not received yet: upload it below",
    ]);
    steps.push([
      "The consumer's own confirmation",
      r.subjectConfirmedAt
        ? `Confirmed on ${dayOf(r.subjectConfirmedAt)}`
        : r.subjectAskedAt
          ? `We emailed them on ${dayOf(r.subjectAskedAt)} and are waiting for their answer`
          : "We email them once you have confirmed your own address",
    ]);
  }
  const defaultKind: RepresentationDocumentKind = agent && !permission ? "SIGNED_PERMISSION" : agent ? "OTHER" : "PARENTAL_RESPONSIBILITY";
  return (
    <section aria-labelledby="representation-heading" className="mt-10">
      <h2 id="representation-heading" className="text-xl font-semibold text-slate-900">
        {agent ? "You act as an authorized agent" : `You act as the child's ${r.guardianRelationship === "LEGAL_GUARDIAN" ? "legal guardian" : "parent"}`}
      </h2>
      <p className="mt-2 text-slate-700">
        {agent
          ? "We act on a request an agent makes once we have the consumer's signed permission and they have confirmed it to us themselves. We never ask for a power of attorney."
          : "We may ask you for proof that you have parental responsibility, such as a birth certificate or a court order; you can upload it here."}
      </p>
      <StatusFacts rows={steps} className="mt-4" />
      {r.documents.length ? (
        <>
          <h3 className="mt-6 font-semibold text-slate-900">Documents you gave us</h3>
          <ul className="mt-2 space-y-1 text-slate-700">
            {r.documents.map((d) => (
              <li key={d.id}>
                {DOCUMENT_KIND_LABELS[d.kind]}, {fileSize(d.size)}, received on {dayOf(d.createdAt)}
                {d.erased ? " (erased since)" : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div aria-live="polite">
        {uploaded ? (
          <div className="mt-4">
            <Alert tone="success" title="Document received">
              Thank you. The privacy team can read it now.
            </Alert>
          </div>
        ) : null}
        {uploadError ? (
          <div className="mt-4">
            <Alert tone="error" title="The document was not stored">
              {DOCUMENT_UPLOAD_ERRORS[uploadError] ?? DOCUMENT_UPLOAD_ERRORS.INTERNAL}
            </Alert>
          </div>
        ) : null}
      </div>
      {canUpload ? (
        <form method="post" action={`/requests/status/${token}/documents`} encType="multipart/form-data" className="mt-6 space-y-4">
          <h3 className="font-semibold text-slate-900">Upload a document</h3>
          <div>
            <label htmlFor="document-kind" className="block font-medium text-slate-900">
              What it is
            </label>
            <select id="document-kind" name="kind" defaultValue={defaultKind} className={inputClass}>
              {(agent ? (["SIGNED_PERMISSION", "OTHER"] as const) : (["PARENTAL_RESPONSIBILITY", "OTHER"] as const)).map((kind) => (
                <option key={kind} value={kind}>
                  {DOCUMENT_KIND_LABELS[kind]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="document-file" className="block font-medium text-slate-900">
              File
            </label>
            <p id="document-file-hint" className="mt-1 text-sm text-slate-600">
              A PDF, PNG or JPEG of up to 10 MB. We store it encrypted and only the privacy team can open it.
            </p>
            <input
              id="document-file"
              name="file"
              type="file"
              required
              accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
              aria-describedby="document-file-hint"
              className="mt-2 block w-full text-slate-900"
            />
          </div>
          <Button type="submit">Upload</Button>
        </form>
      ) : null}
    </section>
  );
}
