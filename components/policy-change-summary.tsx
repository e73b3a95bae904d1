/** "What changed in this version", at the top of a version whose publisher described the change. Plain text, paragraphs kept. */
export function PolicyChangeSummary({ text, heading = "What changed in this version", headingLang }: { text: string | null; heading?: string; headingLang?: string }) {
  if (!text?.trim()) return null;
  return (
    <section aria-labelledby="policy-change-summary" className="rounded-md border-l-4 border-blue-700 bg-blue-50 p-4 text-slate-900">
      <h2 id="policy-change-summary" className="font-semibold" lang={headingLang}>
        {heading}
      </h2>
      {text
        .split(/\n\s*\n/)
        .map((paragraph) => paragraph.trim())
        .filter(Boolean)
        .map((paragraph, index) => (
          <p key={index} className="mt-1 whitespace-pre-line">
            {paragraph}
          </p>
        ))}
    </section>
  );
}
