import type { Metadata } from "next";

// What the pages opened from an owner's or a recipient's emailed link share: the link is the only
// credential, so it is never sent on in a Referer nor indexed; the refusal code comes back in the
// query after a form post; the answered page; the note for the privacy team.

export function linkPageMetadata(title: string): Metadata {
  return { title, referrer: "no-referrer", robots: { index: false, follow: false } };
}

export type LinkPageProps = {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ error?: string | string[] }>;
};

/** The link's token and, after a refused post, the refusal's words from `errors`. */
export async function readLinkPage<E extends Record<string, string>>({ params, searchParams }: LinkPageProps, errors: E) {
  const [{ token }, query] = await Promise.all([params, searchParams]);
  const code = typeof query.error === "string" && Object.hasOwn(errors, query.error) ? query.error : null;
  return { token, error: code ? errors[code]! : null };
}

export function AnsweredPage({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{title}</h1>
      <p className="mt-6 text-lg text-slate-800">{children}</p>
    </div>
  );
}

export function NoteField({ max }: { max: number }) {
  return (
    <div>
      <label htmlFor="note" className="block font-medium text-slate-900">
        Note for the privacy team (optional)
      </label>
      <textarea id="note" name="note" rows={4} maxLength={max} className="mt-2 block w-full rounded-md border border-slate-400 p-2 text-slate-900" />
    </div>
  );
}
