import { Alert } from "@/components/ui/alert";
import { FactList } from "@/components/ui/fact-list";
import { fileSize } from "@/lib/packages/display";
import { DOCUMENT_KIND_LABELS, GUARDIAN_LABELS, SUBMITTED_BY_LABELS } from "@/lib/representation/words";
import type { RequestDetail } from "@/lib/requests/handling/detail";
import { formatCalendarDate } from "@/lib/dates/format";

type Representation = NonNullable<RequestDetail["representation"]>;

/**
 * Who filed for whom, both confirmations side by side, and the documents, each opened as an
 * attachment (and recorded). The officer decides on that: a signed permission is enough from an
 * agent (CCPA 11 CCR 7063 lets us ask for it and for the consumer's own confirmation, not for a
 * power of attorney); a parent is asked for proof of parental responsibility when in doubt.
 */
export function RepresentationPanel({
  requestId,
  submittedBy,
  verifiedAt,
  representation: r,
  when,
  canOpen,
}: {
  requestId: string;
  submittedBy: "AGENT" | "PARENT";
  verifiedAt: Date | null;
  representation: Representation;
  when: (at: Date) => string;
  canOpen: boolean;
}) {
  const agent = submittedBy === "AGENT";
  const facts: [string, string][] = [
    ["Filed by", SUBMITTED_BY_LABELS[submittedBy]],
    ["Name", r.name ?? "Erased"],
    ["Email", r.email ?? "Erased"],
  ];
  if (agent) facts.push(["Organisation", r.organisation ?? "–"]);
  if (!agent) {
    facts.push(["Relationship", r.guardianRelationship ? GUARDIAN_LABELS[r.guardianRelationship] : "–"]);
    facts.push(["Child's date of birth", r.childBirthDate ? formatCalendarDate(r.childBirthDate) : "–"]);
  }
  facts.push([`The ${agent ? "agent's" : "parent's"} own email`, r.emailConfirmedAt ? `Confirmed ${when(r.emailConfirmedAt)}` : "Not confirmed"]);
  if (agent) {
    facts.push([
      "The consumer's own confirmation",
      r.subjectConfirmedAt ? `Confirmed ${when(r.subjectConfirmedAt)}` : r.subjectAskedAt ? `Asked ${when(r.subjectAskedAt)}, no answer yet` : "Not asked yet",
    ]);
  }
  return (
    <section aria-labelledby="representation-heading">
      <h2 id="representation-heading" className="text-lg font-semibold text-slate-900">
        {agent ? "Authorized agent" : "Parent or guardian"}
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        {agent
          ? "The requester above is the consumer. The request went ahead only with the signed permission and the consumer's own confirmation. Ask either person for more under Actions; never require a power of attorney."
          : "The requester above is the child. Ask the parent or guardian for proof of parental responsibility under Actions when you need it; they upload it on their status page."}
      </p>
      {!verifiedAt && agent && r.emailConfirmedAt ? (
        <div className="mt-3">
          <Alert tone="info">Waiting for {[!r.subjectConfirmedAt && "the consumer's confirmation", !r.documents.some((d) => d.kind === "SIGNED_PERMISSION" && !d.erased) && "the signed permission"].filter(Boolean).join(" and ")}.</Alert>
        </div>
      ) : null}
      <FactList facts={facts} className="mt-3 rounded-md border border-slate-300 bg-white" />
      <h3 className="mt-4 font-semibold text-slate-900">Documents</h3>
      {r.documents.length ? (
        <ul className="mt-2 space-y-1 text-slate-800">
          {r.documents.map((d) => (
            <li key={d.id}>
              {DOCUMENT_KIND_LABELS[d.kind]}:{" "}
              {d.erased ? (
                <span>{d.filename} (erased with the request&apos;s personal data)</span>
              ) : canOpen ? (
                <a className="text-blue-700 underline" href={`/admin/requests/${requestId}/documents/${d.id}`}>
                  {d.filename}
                </a>
              ) : (
                <span>{d.filename}</span>
              )}{" "}
              <span className="text-sm text-slate-600">
                ({d.contentType}, {fileSize(d.size)}, {when(d.createdAt)}, SHA-256 {d.sha256.slice(0, 12)}…)
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-slate-700">None uploaded.</p>
      )}
    </section>
  );
}
