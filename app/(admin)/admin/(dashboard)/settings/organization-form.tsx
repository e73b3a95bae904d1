"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, FieldError, FieldHint, inputClass } from "@/components/ui/field";
import { showRefusal } from "@/components/ui/show-refusal";
import { useHydrated } from "@/components/ui/use-hydrated";
import { ORGANIZATION_LABELS, OrganizationSchema, type OrganizationInput, type OrganizationValues } from "@/lib/organization/schema";
import { updateOrganizationAction } from "./actions";

type Field = keyof OrganizationInput;

const HINTS: Partial<Record<Field, string>> = {
  productName: "What people call the service: shown in the header, the policy and every email.",
  privacyEmail: "Where privacy questions go; shown on every page and in every email.",
  dpoName: "Leave empty if none is appointed: the policy then says so, and the privacy email answers.",
  euRepresentative: "Name and address (GDPR Art. 27), if you have one.",
  ukRepresentative: "Name and address (UK GDPR Art. 27), if you have one.",
  companyNumber: "Shown after the registered address.",
  timeZone: "An IANA name such as Europe/Berlin: the calendar deadlines count in, and the dates pages and emails show.",
};
const MULTI_LINE: Field[] = ["registeredAddress", "euRepresentative", "ukRepresentative"];

/** The operator's details; saved as one, each change in the settings history. */
export function OrganizationForm({ values, timeZoneLocked }: { values: OrganizationInput; timeZoneLocked: string | null }) {
  const hydrated = useHydrated();
  const [outcome, setOutcome] = useState<{ tone: "success" | "error"; message: string } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<OrganizationInput, unknown, OrganizationValues>({ resolver: zodResolver(OrganizationSchema), defaultValues: values, shouldFocusError: true });

  const onSubmit = handleSubmit(async (input) => {
    setOutcome(null);
    const result = await updateOrganizationAction(input);
    if (result.ok) {
      const changed = result.data.changed.map((f) => ORGANIZATION_LABELS[f as Field]);
      setOutcome({ tone: "success", message: changed.length ? `Saved: ${changed.join(", ")}.` : "Nothing had changed." });
      return;
    }
    showRefusal(result, { setError, setFocus }, (message) => setOutcome({ tone: "error", message }));
  });

  return (
    <form noValidate onSubmit={(e) => void onSubmit(e)} className="mt-4 space-y-4">
      <div aria-live="polite">{outcome ? <Alert tone={outcome.tone}>{outcome.message}</Alert> : null}</div>
      <fieldset disabled={!hydrated || isSubmitting} className="space-y-4">
        {(Object.keys(ORGANIZATION_LABELS) as Field[]).map((field) => {
          const id = `org-${field}`;
          const hint = field === "timeZone" && timeZoneLocked ? `Set by the environment (OPERATOR_TIME_ZONE=${timeZoneLocked}); change it there.` : HINTS[field];
          const props = {
            id,
            ...register(field),
            readOnly: field === "timeZone" && Boolean(timeZoneLocked),
            "aria-invalid": errors[field] ? true : undefined,
            "aria-describedby": describedBy(hint ? `${id}-hint` : null, `${id}-error`, Boolean(errors[field])),
            className: inputClass,
          };
          return (
            <div key={field}>
              <label htmlFor={id} className="block font-medium text-slate-900">
                {ORGANIZATION_LABELS[field]}
              </label>
              {hint ? <FieldHint id={`${id}-hint`}>{hint}</FieldHint> : null}
              {MULTI_LINE.includes(field) ? <textarea rows={3} {...props} /> : <input type={field.endsWith("Email") ? "email" : field === "websiteUrl" ? "url" : "text"} {...props} />}
              <FieldError id={`${id}-error`} message={errors[field]?.message} />
            </div>
          );
        })}
        <Button type="submit">{isSubmitting ? "Saving…" : "Save"}</Button>
      </fieldset>
    </form>
  );
}
