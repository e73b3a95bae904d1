import type { Metadata } from "next";

export const metadata: Metadata = { title: "Request closed", robots: { index: false, follow: false } };

/** Where a consumer lands after saying they did not authorise an agent's request. */
export default function SubjectRefusedPage() {
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">Thank you: the request is closed</h1>
      <div className="mt-6 space-y-4 text-slate-700">
        <p>
          You told us you did not authorise it, so we closed it without acting on it and erased what was sent to us about you. We told
          the person who made it that it is closed.
        </p>
        <p>If you want to make a privacy request yourself, you can do it from our privacy page at any time.</p>
      </div>
    </div>
  );
}
