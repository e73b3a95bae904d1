"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { FieldHint, inputClass } from "@/components/ui/field";
import { CUSTOMER_LANGUAGES, customerLanguageLabel, CustomerSchema, LANGUAGE_LABELS, MAX_PRIVACY_EMAILS, type CustomerInput } from "@/lib/customers/schema";
import { isLocale, localeOrDefault } from "@/lib/i18n/locales";
import { createCustomerAction, updateCustomerAction } from "./actions";
import { LabelledField, useRegistryForm } from "./form-parts";
import { useHydrated } from "@/components/ui/use-hydrated";

const FIELDS = ["legalName", "privacyEmails", "language", "dpaReference", "notifyRecipientChanges"] as const;

export type CustomerFormValues = {
  id: string;
  legalName: string;
  privacyEmails: string[];
  language: string;
  dpaReference: string | null;
  notifyRecipientChanges: boolean;
};

/** Registers a customer (no `customer`) or edits one. */
export function CustomerForm({ customer }: { customer?: CustomerFormValues }) {
  const hydrated = useHydrated();
  const router = useRouter();
  const stored: CustomerInput = {
    legalName: customer?.legalName ?? "",
    privacyEmails: customer?.privacyEmails.join("\n") ?? "",
    // A code no longer offered shows as the language we now write in; saving stores that one.
    language: localeOrDefault(customer?.language),
    dpaReference: customer?.dpaReference ?? "",
    notifyRecipientChanges: customer?.notifyRecipientChanges ?? false,
  };
  const { form, submit, succeed, refuse, status } = useRegistryForm(CustomerSchema, stored, { fields: FIELDS, fieldForCode: { CUSTOMER_EXISTS: "legalName" } });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  const onSubmit = submit(async (values) => {
    if (!customer) {
      const result = await createCustomerAction(values);
      if (result.ok) router.push(`/admin/customers/${result.data.id}`);
      else refuse(result);
      return;
    }
    const result = await updateCustomerAction({ ...values, customerId: customer.id });
    if (result.ok) succeed(result.data.changed ? "Customer details saved." : "Nothing had changed, so nothing was saved.");
    else refuse(result);
  });

  const prefix = customer ? `customer-${customer.id}` : "customer-new";
  return (
    <form noValidate onSubmit={(e) => void onSubmit(e)} className="space-y-4">
      {status}
      <fieldset disabled={!hydrated || isSubmitting} className="space-y-4">
        <LabelledField id={`${prefix}-legal-name`} label="Legal name" hint="As in the data processing agreement. Requests naming the company are matched by it." error={errors.legalName?.message}>
          {(control) => <input {...control} {...register("legalName")} autoComplete="off" className={inputClass} />}
        </LabelledField>
        <LabelledField
          id={`${prefix}-privacy-emails`}
          label="Privacy contact emails"
          hint={`Where we send requests about their workspaces: 1 to ${MAX_PRIVACY_EMAILS} addresses, one per line or separated by commas.`}
          error={errors.privacyEmails?.message}
        >
          {(control) => <textarea {...control} {...register("privacyEmails")} rows={3} className={inputClass} />}
        </LabelledField>
        <LabelledField
          id={`${prefix}-language`}
          label="Language"
          hint={
            customer && !isLocale(customer.language)
              ? `The language we write to this customer in. Saved as ${customerLanguageLabel(customer.language)}. Saving stores the language chosen here.`
              : "The language we write to this customer in."
          }
          error={errors.language?.message}
        >
          {(control) => (
            <select {...control} {...register("language")} className={inputClass}>
              {CUSTOMER_LANGUAGES.map((code) => (
                <option key={code} value={code}>
                  {LANGUAGE_LABELS[code]}
                </option>
              ))}
            </select>
          )}
        </LabelledField>
        <LabelledField
          id={`${prefix}-dpa`}
          label="DPA reference (optional)"
          hint="Which data processing agreement makes us their processor, such as DPA-2025-014."
          error={errors.dpaReference?.message}
        >
          {(control) => <input {...control} {...register("dpaReference")} className={inputClass} />}
        </LabelledField>
        <div className="flex items-start gap-2">
          <input
            id={`${prefix}-notify-recipients`}
            type="checkbox"
            {...register("notifyRecipientChanges")}
            aria-describedby={`${prefix}-notify-recipients-hint`}
            className="mt-1 h-5 w-5 accent-blue-700"
          />
          <div>
            <label htmlFor={`${prefix}-notify-recipients`} className="font-medium text-slate-900">
              Email this customer&apos;s privacy contacts when our list of recipients changes
            </label>
            <FieldHint id={`${prefix}-notify-recipients-hint`}>
              When a third party or subprocessor is added to the data map, removed, or its purpose or country changes (as many data
              processing agreements require). The list is public at <a href="/privacy/recipients">/privacy/recipients</a>.
            </FieldHint>
          </div>
        </div>
        <Button type="submit">{isSubmitting ? "Saving…" : customer ? "Save customer details" : "Register customer"}</Button>
      </fieldset>
    </form>
  );
}
