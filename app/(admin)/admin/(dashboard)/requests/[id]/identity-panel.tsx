import type { AnswerOutcome, IdentityCheck } from "@/lib/generated/prisma/enums";
import type { RequestDetail } from "@/lib/requests/handling/detail";
import { UntrustedText } from "@/components/ui/untrusted-text";

export const IDENTITY_CHECK_LABELS: Record<IdentityCheck, string> = {
  NOT_NEEDED: "Not needed: the email check is the standard for this request",
  AWAITING_ANSWERS: "Waiting for the answers",
  CHECKING: "Comparing the answers with the mapped systems",
  PASSED: "Passed",
  FAILED: "Failed: answers did not match",
  FOR_OFFICER: "Yours to judge: some answers could not be compared",
};

const OUTCOME_LABELS: Record<AnswerOutcome, string> = {
  MATCHED: "Matches what we hold",
  NOT_MATCHED: "Does not match what we hold",
  FOR_OFFICER: "For you to judge",
  UNAVAILABLE: "Could not be compared: the system did not answer",
};

/**
 * The higher standard of verification as the officer weighs it: the state, the declaration under
 * penalty of perjury, and each answer with what the comparison found. Answers are personal data,
 * masked for auditors, and erased with the request's other personal data.
 */
export function IdentityPanel({ identity, when }: { identity: RequestDetail["identity"]; when: (at: Date) => string }) {
  return (
    <section aria-labelledby="identity-heading">
      <h2 id="identity-heading" className="text-lg font-semibold text-slate-900">
        Identity check
      </h2>
      <p className="mt-1 text-slate-800">
        <span className="font-medium">{IDENTITY_CHECK_LABELS[identity.check]}.</span>{" "}
        {identity.declaredAt
          ? `Declared under penalty of perjury ${when(identity.declaredAt)}${identity.signature ? `, signed "${identity.signature}"` : ""}.`
          : null}
      </p>
      {identity.answers.length ? (
        <ul className="mt-3 space-y-2">
          {identity.answers.map((a) => (
            <li key={a.id} className="rounded-md border border-slate-300 bg-white p-3">
              <p className="text-sm font-medium text-slate-700">{a.prompt}</p>
              <p className="mt-1 text-slate-900">{a.answer === null ? "(masked or erased)" : <UntrustedText>{a.answer}</UntrustedText>}</p>
              <p className="mt-1 text-sm text-slate-700">
                {a.outcome ? OUTCOME_LABELS[a.outcome] : "Not compared yet"}
                {a.note ? `. ${a.note}` : ""}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
