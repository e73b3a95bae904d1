import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/auth/roles";
import { requirePagePermission } from "@/lib/auth/staff";
import { REQUEST_TYPE_LABELS } from "@/lib/requests/labels";
import { comparableFields, listQuestions, QUESTION_TYPES } from "@/lib/verification/identity/questions";
import { addQuestionAction, setQuestionActiveAction } from "../actions";
import { ActionForm, CheckboxField, SelectField, TextField } from "../form-kit";

export const metadata: Metadata = { title: "Verification questions" };

const MATCHING_LABELS = {
  EXACT: "The same words (case, accents, spaces and punctuation ignored)",
  SAME_MONTH: "The same month as the stored date",
  SAME_DIGITS: "The same digits (for references and numbers)",
} as const;

/**
 * The higher standard of verification (CCPA 11 CCR 7062), configured: which request types need it,
 * what is asked, and what each answer is compared with.
 */
export default async function VerificationQuestionsPage() {
  const staff = await requirePagePermission("requests.read", "/admin/data-map/verification");
  const [questions, fields] = await Promise.all([listQuestions(), comparableFields()]);
  const canManage = can(staff.role, "datamap.manage");
  const typesWithQuestions = new Set(questions.filter((q) => q.active).flatMap((q) => q.requestTypes));
  return (
    <div className="max-w-4xl space-y-8">
      <div>
        <p>
          <Link href="/admin/data-map" className="text-blue-700 underline">
            Data map
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-bold text-slate-900">Verification questions</h1>
        <p className="mt-1 text-slate-700">
          For requests that give out or erase personal data, the email check may not be enough (CCPA 11 CCR §7062: specific pieces of
          data and deletions of sensitive data need a high degree of certainty). A request of a type with an active question is asked
          it after the email check, with a declaration under penalty of perjury. An answer is compared with the field named here, in the
          person&apos;s records found by their email; without a field, or when the system cannot be asked, the officer judges it.
          Answers are used for nothing else and are erased with the request&apos;s other personal data.
        </p>
        <p className="mt-2 text-slate-700">
          Needs the higher standard now:{" "}
          <strong>{typesWithQuestions.size ? [...typesWithQuestions].map((t) => REQUEST_TYPE_LABELS[t]).join(", ") : "no request type"}</strong>.
        </p>
      </div>

      <section aria-labelledby="questions-heading">
        <h2 id="questions-heading" className="text-lg font-semibold text-slate-900">
          Questions
        </h2>
        {questions.length === 0 ? (
          <p className="mt-2 text-slate-700">None yet: every request is verified by its email address alone.</p>
        ) : (
          <ul className="mt-3 space-y-3">
            {questions.map((q) => (
              <li key={q.id} className="rounded-md border border-slate-300 bg-white p-4">
                <p className="font-medium text-slate-900">
                  {q.prompt} {q.active ? null : <span className="text-sm font-normal text-slate-700">(retired)</span>}
                </p>
                <p className="mt-1 text-sm text-slate-700">
                  For: {q.requestTypes.map((t) => REQUEST_TYPE_LABELS[t]).join(", ")}. Answered with {q.answerKind === "MONTH" ? "a month" : "text"}.{" "}
                  {q.checkedAgainst ? `Compared with ${q.checkedAgainst}: ${MATCHING_LABELS[q.matching].toLowerCase()}.` : "Judged by the officer."}
                </p>
                {canManage ? (
                  <div className="mt-2">
                    <ActionForm
                      action={setQuestionActiveAction}
                      idPrefix={`question-${q.id}`}
                      submitLabel={q.active ? `Retire "${q.prompt}"` : `Bring back "${q.prompt}"`}
                      hidden={{ questionId: q.id, active: q.active ? "false" : "true" }}
                      variant="secondary"
                    />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {canManage ? (
        <section aria-labelledby="add-question-heading">
          <h2 id="add-question-heading" className="text-lg font-semibold text-slate-900">
            Add a question
          </h2>
          <ActionForm action={addQuestionAction} idPrefix="question" submitLabel="Add question" className="mt-3 space-y-4 rounded-md border border-slate-300 bg-white p-4">
            <TextField name="prompt" label="Question" hint="Ask for something the person knows and we hold, never something secret: e.g. the month they signed up." />
            <TextField name="hint" label="Hint (optional)" hint="Shown under the question." />
            <SelectField
              name="answerKind"
              label="Answered with"
              defaultValue="TEXT"
              options={[
                { value: "TEXT", label: "A line of text" },
                { value: "MONTH", label: "A month" },
              ]}
            />
            <fieldset className="space-y-2">
              <legend className="font-medium text-slate-900">Asked for these request types</legend>
              {QUESTION_TYPES.map((type) => (
                <CheckboxField key={type} name="requestTypes" value={type} label={REQUEST_TYPE_LABELS[type]} defaultChecked={false} />
              ))}
            </fieldset>
            <SelectField
              name="fieldId"
              label="Compared with"
              hint="Only fields of collections found by an email identity, in systems with a connector. A correction's answers are always judged by the officer (§7060)."
              defaultValue=""
              options={[{ value: "", label: "Nothing: the officer judges the answer" }, ...fields]}
            />
            <SelectField
              name="matching"
              label="How answers are compared"
              defaultValue="EXACT"
              options={Object.entries(MATCHING_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </ActionForm>
        </section>
      ) : null}
    </div>
  );
}
