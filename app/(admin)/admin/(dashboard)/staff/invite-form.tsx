"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { showRefusal } from "@/components/ui/show-refusal";
import { Button } from "@/components/ui/button";
import { describedBy, FieldError, inputClass } from "@/components/ui/field";
import { noControlCharacters } from "@/lib/text/control-characters";
import { emailAddress } from "@/lib/text/email-address";
import { inviteStaffAction } from "./actions";
import { useHydrated } from "@/components/ui/use-hydrated";

// The server parses InviteSchema (lib/staff/manage.ts, server-only); this mirrors its rules.
const InviteFormSchema = z.object({
  email: emailAddress({ empty: "Enter their work email", format: "Enter an email address in the format name@example.com" }),
  name: z.string().trim().max(200, "Keep the name under 200 characters").check(noControlCharacters()).optional(),
  role: z.enum(["ADMIN", "OFFICER", "AUDITOR"], { error: "Choose a role" }),
});
type InviteInput = z.input<typeof InviteFormSchema>;

export function InviteForm() {
  const hydrated = useHydrated();
  const [outcome, setOutcome] = useState<{ tone: "success" | "error"; message: string } | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<InviteInput>({ resolver: zodResolver(InviteFormSchema), defaultValues: { email: "", name: "", role: "OFFICER" } });

  const onSubmit = handleSubmit(async (values) => {
    setOutcome(null);
    const result = await inviteStaffAction(values);
    if (result.ok) {
      setOutcome({ tone: "success", message: `Invitation sent to ${values.email}.` });
      reset();
      return;
    }
    showRefusal(result, { setError }, (message) => setOutcome({ tone: "error", message }));
  });

  return (
    <form noValidate onSubmit={(e) => void onSubmit(e)} className="mt-4 space-y-4">
      <div aria-live="polite">{outcome ? <Alert tone={outcome.tone}>{outcome.message}</Alert> : null}</div>
      <fieldset disabled={!hydrated || isSubmitting} className="space-y-4">
        <div>
          <label htmlFor="invite-email" className="block font-medium text-slate-900">
            Work email
          </label>
          <input
            id="invite-email"
            type="email"
            {...register("email")}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={describedBy(null, "invite-email-error", Boolean(errors.email))}
            className={inputClass}
          />
          <FieldError id="invite-email-error" message={errors.email?.message} />
        </div>
        <div>
          <label htmlFor="invite-name" className="block font-medium text-slate-900">
            Name (optional)
          </label>
          <input id="invite-name" {...register("name")} className={inputClass} />
          <FieldError id="invite-name-error" message={errors.name?.message} />
        </div>
        <div>
          <label htmlFor="invite-role" className="block font-medium text-slate-900">
            Role
          </label>
          <select id="invite-role" {...register("role")} className={inputClass}>
            <option value="OFFICER">Privacy officer: handles requests</option>
            <option value="AUDITOR">Auditor: reads, with personal data masked</option>
            <option value="ADMIN">Admin: staff and settings, and handles requests</option>
          </select>
        </div>
        <Button type="submit">{isSubmitting ? "Sending…" : "Send invitation"}</Button>
      </fieldset>
    </form>
  );
}
