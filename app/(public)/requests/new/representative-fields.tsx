"use client";

import { FieldHint, inputClass } from "@/components/ui/field";
import type { RepresentationWords } from "./representation-words";

type FieldProps = (path: string, hint?: boolean) => Record<string, unknown>;

/**
 * The agent's or parent's own details. Loaded only when someone chooses to ask for another person,
 * so the form's first load does not carry it.
 */
export default function RepresentativeFields({
  submittedBy,
  words,
  field,
  errorFor,
  register,
}: {
  submittedBy: "AGENT" | "PARENT";
  words: RepresentationWords;
  field: FieldProps;
  errorFor: (path: string) => React.ReactNode;
  /** The form's register, for paths under "representative". */
  register: (path: string) => Record<string, unknown>;
}) {
  const reg = register;
  const text = (path: string, { label, hint }: { label: string; hint?: string }, extra: Record<string, string> = {}) => {
    const id = `f-${path.replace(/\./g, "-")}`;
    return (
      <div>
        <label htmlFor={id} className="block font-medium text-slate-900">
          {label}
        </label>
        {hint ? <FieldHint id={`${id}-hint`}>{hint}</FieldHint> : null}
        <input {...field(path, Boolean(hint))} {...reg(path)} {...extra} className={inputClass} />
        {errorFor(path)}
      </div>
    );
  };
  return (
    <fieldset className="space-y-5">
      <legend className="text-lg font-semibold text-slate-900">{words.own[submittedBy]}</legend>
      {text("representative.name", words.name, { autoComplete: "name" })}
      {text("representative.email", words.email, { type: "email", autoComplete: "email" })}
      {submittedBy === "AGENT" ? text("representative.organisation", words.organisation, { autoComplete: "organization" }) : null}
      {submittedBy === "PARENT" ? (
        <>
          <fieldset aria-describedby="f-representative-guardianRelationship-error">
            <legend className="font-medium text-slate-900">{words.guardian.legend}</legend>
            {errorFor("representative.guardianRelationship")}
            <div className="mt-2 space-y-2">
              {Object.entries(words.guardian.options).map(([value, label]) => (
                <label key={value} className="flex cursor-pointer items-start gap-3">
                  <input type="radio" value={value} {...reg("representative.guardianRelationship")} className="mt-1 h-4 w-4 accent-blue-700" />
                  <span className="text-slate-900">{label}</span>
                </label>
              ))}
            </div>
          </fieldset>
          {text("representative.childBirthDate", words.childBirthDate, { type: "date" })}
        </>
      ) : null}
    </fieldset>
  );
}
