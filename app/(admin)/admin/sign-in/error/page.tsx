import type { Metadata } from "next";
import { providerName } from "@/lib/auth/oauth-binding";

export const metadata: Metadata = { title: "Sign-in problem", robots: { index: false, follow: false } };

const MESSAGES: Record<string, string> = {
  Verification: "This sign-in link has expired or was already used. Ask for a new one.",
  AccessDenied: "This account may not sign in to the privacy dashboard.",
  OAuthAccountNotLinked: "This account is already connected to another staff member. Sign in as that person, or disconnect it there first.",
};

function message(error: string | undefined, provider: string | undefined): string {
  if (error === "NotConnected") {
    return `This ${providerName(provider ?? "")} account is not connected to a staff member. Sign in with an email link, then connect it from your account page.`;
  }
  return MESSAGES[error ?? ""] ?? "Something went wrong while signing in. Please try again.";
}

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ error?: string; provider?: string }> }) {
  const { error, provider } = await searchParams;
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-16">
      <h1 className="text-2xl font-bold text-slate-900">We couldn&apos;t sign you in</h1>
      <p className="mt-3 text-slate-700">{message(error, provider)}</p>
      <p className="mt-3">
        <a href="/admin/sign-in" className="text-blue-700 underline">
          Back to sign-in
        </a>
      </p>
    </main>
  );
}
