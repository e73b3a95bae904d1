"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from "react";
import { useForm, type FieldPath, type Resolver } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, FieldError, FieldHint, inputClass } from "@/components/ui/field";
import { NewRequestSchema, RELATIONSHIPS, SUBMITTERS, type RequestTypeValue } from "@/lib/requests/schema";
import type { Messages } from "@/lib/i18n/messages";
import type { DetailWords } from "./detail-words";
import type { RepresentationWords } from "./representation-words";
import { submitRequestAction } from "./actions";
import { useHydrated } from "@/components/ui/use-hydrated";

// One flat shape for every request type: the schema is a union by type, and the form shows the
// fields of the chosen type only (shouldUnregister drops the others).
type FormValues = {
  type: RequestTypeValue | "";
  name: string;
  email: string;
  country: string;
  region: string;
  relationship: string;
  workspaceReference: string;
  dataScope: string;
  companyEmail: string;
  website: string;
  submittedBy: (typeof SUBMITTERS)[number];
  representative?: Partial<Record<"name" | "email" | "organisation" | "guardianRelationship" | "childBirthDate", string>>;
  details: Partial<Record<"topics" | "scope" | "specifics" | "format" | "processing" | "reason" | "whatIsWrong" | "correctValue" | "activity" | "ground" | "consent", string>>;
};
type Path = FieldPath<FormValues>;

const resolver = zodResolver(NewRequestSchema) as unknown as Resolver<FormValues>;

// Asked for only when someone files for another person: not in the form's first load.
const RepresentativeFields = lazy(() => import("./representative-fields"));

type Option = { value: string; label: string };
type FormWords = Pick<Messages["form"], "typeLegend" | "about" | "relationship" | "honeypot" | "send" | "sending" | "sent" | "notSent">;

/** Labels and option lists come from the server as props: data, not JavaScript to download. */
export type RequestFormOptions = {
  countries: Option[];
  regions: Record<string, Option[]>;
  /** The types the portal offers, in the form's order: only these are listed. */
  types: Partial<Record<RequestTypeValue, { label: string; description: string }>>;
  relationships: Record<(typeof RELATIONSHIPS)[number], string>;
  details: DetailWords;
  representation: RepresentationWords;
  words: FormWords;
  /** The schema's English messages in the reader's language (lib/requests/validation-words.ts). */
  messages: Record<string, string>;
};

/**
 * `optOutNote`: what an opt-out does (and, when the browser sends Global Privacy Control, that it is
 * honoured already); `checkingNote`: shown while the browser solves a proof of work. Both rendered
 * on the server: words, not JavaScript.
 */
export function RequestForm({
  options,
  initialType,
  optOutNote,
  checkingNote,
}: {
  options: RequestFormOptions;
  initialType?: RequestTypeValue;
  optOutNote: ReactNode;
  checkingNote: ReactNode;
}) {
  const hydrated = useHydrated();
  const { countries, types, relationships, words: w } = options;
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const {
    register,
    handleSubmit,
    watch,
    setError,
    setFocus,
    formState: { errors, isSubmitting, isSubmitSuccessful },
  } = useForm<FormValues>({
    resolver,
    shouldUnregister: true,
    defaultValues: { type: initialType ?? "", country: "", relationship: "", details: {}, submittedBy: "SELF" },
  });
  const submittedBy = watch("submittedBy");
  // A field the server refused takes the focus once the form is enabled again (a disabled field cannot).
  const [focusTo, setFocusTo] = useState<Path | null>(null);
  useEffect(() => {
    if (focusTo && !isSubmitting) {
      setFocus(focusTo);
      setFocusTo(null);
    }
  }, [focusTo, isSubmitting, setFocus]);
  const words = options.representation;
  const about = submittedBy === "SELF" ? null : words.about[submittedBy];
  const type = watch("type");
  const country = watch("country");
  const relationship = watch("relationship");
  const regions = options.regions[country] ?? [];
  const detailScope = watch("details.scope");

  const errorOf = (path: Path): string | undefined => {
    const parts = path.split(".");
    let node: unknown = errors;
    for (const part of parts) node = (node as Record<string, unknown> | undefined)?.[part];
    const english = (node as { message?: string } | undefined)?.message;
    // The schema speaks English; the server's refusals come in the reader's language already.
    const message = english && (options.messages[english] ?? english);
    // The schema words the person's own fields; when they are someone else's, say so.
    return about && message && !path.startsWith("representative") ? (words.errors[message] ?? message) : message;
  };

  /** Props that tie an input to its label, hint and error. */
  const field = (path: Path, hint = false) => {
    const id = `f-${path.replace(/\./g, "-")}`;
    const message = errorOf(path);
    return {
      id,
      "aria-invalid": message ? true : undefined,
      "aria-describedby": describedBy(hint ? `${id}-hint` : null, `${id}-error`, Boolean(message)),
    };
  };
  const errorFor = (path: Path) => <FieldError id={`f-${path.replace(/\./g, "-")}-error`} message={errorOf(path)} />;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    let result = await submitRequestAction(values);
    // A busy network: the server asks for a proof of work, which the browser solves and sends along.
    if (!result.ok && result.code === "PROOF_OF_WORK" && result.challenge) {
      setChecking(true);
      const { solvePow } = await import("./pow");
      const proof = await solvePow(result.challenge).catch(() => null);
      setChecking(false);
      if (proof) result = await submitRequestAction(values, proof);
    }
    if (result.ok) {
      router.push(result.data.next);
      return;
    }
    const refused = Object.entries(result.fieldErrors ?? {});
    for (const [path, message] of refused) setError(path as Path, { message });
    if (refused[0]) setFocusTo(refused[0][0] as Path);
    if (result.formError) {
      setFormError(result.formError);
      requestAnimationFrame(() => alertRef.current?.focus());
    }
    // Keep the form "unsubmitted" so the button comes back.
    throw new Error("not accepted");
  });

  return (
    <form
      noValidate
      onSubmit={(event) => {
        onSubmit(event).catch(() => {});
      }}
      className="mt-8 space-y-8"
      aria-describedby={formError ? "form-error" : undefined}
    >
      <div aria-live="polite">
        {formError ? (
          <div id="form-error">
            <Alert ref={alertRef} tone="error" title={w.notSent}>
              {formError}
            </Alert>
          </div>
        ) : null}
        {isSubmitSuccessful ? <p className="sr-only">{w.sent}</p> : null}
        {checking ? checkingNote : null}
      </div>

      <fieldset disabled={!hydrated || isSubmitting || isSubmitSuccessful} className="space-y-8">
        <fieldset>
          <legend className="text-lg font-semibold text-slate-900">{words.legend}</legend>
          <div className="mt-3 space-y-2">
            {SUBMITTERS.map((value) => (
              <label key={value} className="flex cursor-pointer items-start gap-3">
                <input type="radio" value={value} {...register("submittedBy")} className="mt-1 h-4 w-4 accent-blue-700" />
                <span>
                  <span className="block text-slate-900">{words.choices[value].label}</span>
                  <span className="block text-sm text-slate-600">{words.choices[value].hint}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>

        <fieldset aria-describedby={errorOf("type") ? "f-type-error" : undefined}>
          <legend className="text-lg font-semibold text-slate-900">{w.typeLegend}</legend>
          {errorFor("type")}
          <div className="mt-3 grid gap-3 sm:grid-cols-2">
            {(Object.keys(types) as RequestTypeValue[]).map((value) => (
              <label
                key={value}
                className="flex cursor-pointer gap-3 rounded-md border border-slate-300 p-3 has-[:checked]:border-blue-700 has-[:checked]:bg-blue-50"
              >
                <input type="radio" value={value} {...register("type")} className="mt-1 h-4 w-4 accent-blue-700" />
                <span>
                  <span className="block font-medium text-slate-900">{types[value]!.label}</span>
                  <span className="block text-sm text-slate-600">{types[value]!.description}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>

        {type ? <TypeDetails type={type} optOutNote={optOutNote} words={options.details} field={field} errorFor={errorFor} register={register} detailScope={detailScope} /> : null}

        {submittedBy === "AGENT" || submittedBy === "PARENT" ? (
          <Suspense fallback={null}>
            <RepresentativeFields
              submittedBy={submittedBy}
              words={words}
              field={field as never}
              errorFor={errorFor as never}
              register={register as unknown as (path: string) => Record<string, unknown>}
            />
          </Suspense>
        ) : null}

        <fieldset className="space-y-5">
          <legend className="text-lg font-semibold text-slate-900">{about?.legend ?? w.about.legend}</legend>
          <div>
            <label htmlFor="f-name" className="block font-medium text-slate-900">
              {about?.name.label ?? w.about.name}
            </label>
            <input {...field("name")} {...register("name")} autoComplete="name" className={inputClass} />
            {errorFor("name")}
          </div>
          <div>
            <label htmlFor="f-email" className="block font-medium text-slate-900">
              {about?.email.label ?? w.about.email}
            </label>
            <FieldHint id="f-email-hint">{about?.email.hint ?? w.about.emailHint}</FieldHint>
            <input {...field("email", true)} {...register("email")} type="email" autoComplete="email" className={inputClass} />
            {errorFor("email")}
          </div>
          <div>
            <label htmlFor="f-country" className="block font-medium text-slate-900">
              {about?.country ?? w.about.country}
            </label>
            <FieldHint id="f-country-hint">{w.about.countryHint}</FieldHint>
            <select {...field("country", true)} {...register("country")} autoComplete="country" className={inputClass}>
              <option value="">{w.about.chooseCountry}</option>
              {countries.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
            {errorFor("country")}
          </div>
          {regions.length > 0 ? (
            <div>
              <label htmlFor="f-region" className="block font-medium text-slate-900">
                {country === "US" ? w.about.state : w.about.province}
              </label>
              <select {...field("region")} {...register("region")} className={inputClass}>
                <option value="">{w.about.chooseRegion}</option>
                {regions.map((r) => (
                  <option key={r.value} value={r.value}>
                    {r.label}
                  </option>
                ))}
              </select>
              {errorFor("region")}
            </div>
          ) : null}
        </fieldset>

        <fieldset aria-describedby={errorOf("relationship") ? "f-relationship-error" : undefined}>
          <legend className="text-lg font-semibold text-slate-900">{w.relationship.legend}</legend>
          {errorFor("relationship")}
          <div className="mt-3 space-y-2">
            {RELATIONSHIPS.map((value) => (
              <label key={value} className="flex cursor-pointer items-start gap-3">
                <input type="radio" value={value} {...register("relationship")} className="mt-1 h-4 w-4 accent-blue-700" />
                <span className="text-slate-900">{relationships[value]}</span>
              </label>
            ))}
          </div>
          {relationship === "CUSTOMER_END_USER" ? (
            <div className="mt-4">
              <label htmlFor="f-workspaceReference" className="block font-medium text-slate-900">
                {w.relationship.workspace}
              </label>
              <FieldHint id="f-workspaceReference-hint">{w.relationship.workspaceHint}</FieldHint>
              <input {...field("workspaceReference", true)} {...register("workspaceReference")} className={inputClass} />
              {errorFor("workspaceReference")}
              <label htmlFor="f-companyEmail" className="mt-4 block font-medium text-slate-900">
                {w.relationship.companyEmail}
              </label>
              <FieldHint id="f-companyEmail-hint">{w.relationship.companyEmailHint}</FieldHint>
              <input type="email" {...field("companyEmail", true)} {...register("companyEmail")} className={inputClass} />
              {errorFor("companyEmail")}
              <fieldset className="mt-4" aria-describedby={errorOf("dataScope") ? "f-dataScope-error" : undefined}>
                <legend className="font-medium text-slate-900">{w.relationship.dataScope}</legend>
                {errorFor("dataScope")}
                <div className="mt-2 space-y-2">
                  {Object.entries(w.relationship.dataScopes).map(([value, label]) => (
                    <label key={value} className="flex cursor-pointer items-start gap-3">
                      <input type="radio" value={value} {...register("dataScope")} className="mt-1 h-4 w-4 accent-blue-700" />
                      <span className="text-slate-900">{label}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
            </div>
          ) : null}
        </fieldset>

        {/* Honeypot: people never see or reach it; bots that fill every field do. */}
        <div aria-hidden="true" className="hidden">
          <label htmlFor="f-website">{w.honeypot}</label>
          <input id="f-website" tabIndex={-1} autoComplete="off" {...register("website")} />
        </div>

        <div>
          <Button type="submit">{isSubmitting ? w.sending : w.send}</Button>
        </div>
      </fieldset>
    </form>
  );
}

type FieldProps = (path: Path, hint?: boolean) => Record<string, unknown>;

function TypeDetails({
  type,
  field,
  errorFor,
  register,
  detailScope,
  optOutNote,
  words,
}: {
  type: RequestTypeValue;
  optOutNote: ReactNode;
  words: DetailWords;
  field: FieldProps;
  errorFor: (path: Path) => React.ReactNode;
  register: ReturnType<typeof useForm<FormValues>>["register"];
  detailScope: string | undefined;
}) {
  const textarea = (path: Path, { label, hint }: { label: string; hint?: string }) => (
    <div>
      <label htmlFor={`f-${path.replace(/\./g, "-")}`} className="block font-medium text-slate-900">
        {label}
      </label>
      {hint ? <FieldHint id={`f-${path.replace(/\./g, "-")}-hint`}>{hint}</FieldHint> : null}
      <textarea {...field(path, Boolean(hint))} {...register(path)} rows={4} className={inputClass} />
      {errorFor(path)}
    </div>
  );
  const radios = (path: Path, { legend, options }: { legend: string; options: Record<string, string> }) => (
    <fieldset aria-describedby={`f-${path.replace(/\./g, "-")}-error`}>
      <legend className="font-medium text-slate-900">{legend}</legend>
      {errorFor(path)}
      <div className="mt-2 space-y-2">
        {Object.entries(options).map(([value, label]) => (
          <label key={value} className="flex cursor-pointer items-start gap-3">
            <input type="radio" value={value} {...register(path)} className="mt-1 h-4 w-4 accent-blue-700" />
            <span className="text-slate-900">{label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );

  return (
    <fieldset className="space-y-5">
      <legend className="text-lg font-semibold text-slate-900">{words.legend}</legend>
      {type === "ACCESS" ? textarea("details.topics", words.topics) : null}
      {type === "DELETION" ? (
        <>
          {radios("details.scope", words.scope)}
          {detailScope === "SPECIFIC" ? textarea("details.specifics", words.specifics) : null}
        </>
      ) : null}
      {type === "PORTABILITY" ? radios("details.format", words.format) : null}
      {type === "OBJECTION" ? (
        <>
          {radios("details.processing", words.processing)}
          {textarea("details.reason", words.reason)}
        </>
      ) : null}
      {type === "CORRECTION" ? (
        <>
          {textarea("details.whatIsWrong", words.whatIsWrong)}
          {textarea("details.correctValue", words.correctValue)}
        </>
      ) : null}
      {type === "RESTRICTION" ? (
        <>
          {textarea("details.activity", words.activity)}
          {radios("details.ground", words.ground)}
        </>
      ) : null}
      {type === "OPT_OUT_SALE" ? optOutNote : null}
      {type === "WITHDRAW_CONSENT" ? textarea("details.consent", words.consent) : null}
    </fieldset>
  );
}
