import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { enabledOAuthProviders } from "@/lib/auth/oauth-binding";
import { getStaff } from "@/lib/auth/staff";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Staff sign-in", robots: { index: false, follow: false } };

/** Only an app-relative path may be a callback, so a link can't bounce a person elsewhere. */
function safeCallback(value: string | undefined): string {
  return value && value.startsWith("/admin") && !value.startsWith("//") ? value : "/admin";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const target = safeCallback(callbackUrl);
  if (await getStaff()) redirect(target);
  const oauth = enabledOAuthProviders();
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-16">
      <h1 className="text-2xl font-bold text-slate-900">Sign in to the privacy dashboard</h1>
      <p className="mt-2 text-slate-700">For staff only. We&apos;ll email you a sign-in link that works once, for 15 minutes.</p>
      <SignInForm callbackUrl={target} oauth={oauth} />
    </main>
  );
}
