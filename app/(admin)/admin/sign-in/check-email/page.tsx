import type { Metadata } from "next";

export const metadata: Metadata = { title: "Check your email", robots: { index: false, follow: false } };

// The same words whether or not the address belongs to staff: the page must not tell who does.
export default function CheckEmailPage() {
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-16">
      <h1 className="text-2xl font-bold text-slate-900">Check your email</h1>
      <p className="mt-3 text-slate-700">
        If this address belongs to a member of staff, a sign-in link is on its way. It works once and expires in 15 minutes.
      </p>
      <p className="mt-3">
        <a href="/admin/sign-in" className="text-blue-700 underline">
          Use a different address
        </a>
      </p>
    </main>
  );
}
