"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, FieldError, inputClass } from "@/components/ui/field";
import { SIGN_IN_RATE_LIMITED_MESSAGE } from "@/lib/auth/sign-in-messages";
import { useHydrated } from "@/components/ui/use-hydrated";

const SignInSchema = z.object({
  email: z.string().trim().min(1, "Enter your work email address").pipe(z.email("Enter an email address in the format name@example.com")),
});
type SignInInput = z.input<typeof SignInSchema>;

export function SignInForm({ callbackUrl, oauth }: { callbackUrl: string; oauth: { id: string; name: string }[] }) {
  const hydrated = useHydrated();
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SignInInput>({ resolver: zodResolver(SignInSchema), defaultValues: { email: "" } });

  const onSubmit = handleSubmit(async ({ email }) => {
    setFailure(null);
    const result = await signIn("email", { email, callbackUrl, redirect: false });
    if (result?.ok) router.push("/admin/sign-in/check-email");
    else if (result?.status === 429) setFailure(SIGN_IN_RATE_LIMITED_MESSAGE);
    else setFailure("We could not send a sign-in link just now. Please try again in a moment.");
  });

  const error = errors.email?.message;
  return (
    <div className="mt-8 space-y-6">
      <form noValidate onSubmit={(e) => void onSubmit(e)} className="space-y-4">
        <div aria-live="polite">
          {failure ? <Alert tone="error">{failure}</Alert> : null}
        </div>
        <fieldset disabled={!hydrated || isSubmitting} className="space-y-4">
          <div>
            <label htmlFor="f-email" className="block font-medium text-slate-900">
              Work email
            </label>
            <input
              id="f-email"
              type="email"
              autoComplete="email"
              {...register("email")}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy(null, "f-email-error", Boolean(error))}
              className={inputClass}
            />
            <FieldError id="f-email-error" message={error} />
          </div>
          <Button type="submit">{isSubmitting ? "Sending…" : "Email me a sign-in link"}</Button>
        </fieldset>
      </form>
      {oauth.length ? (
        <div className="space-y-2 border-t border-slate-200 pt-6">
          <p className="text-sm text-slate-700">These work once you have connected the account from your account page, after signing in with an email link.</p>
          {oauth.map((provider) => (
            <Button key={provider.id} variant="secondary" className="w-full" onClick={() => void signIn(provider.id, { callbackUrl })}>
              Sign in with {provider.name}
            </Button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
