import type { ReactNode } from "react";
import { PolicyChangeSummary } from "@/components/policy-change-summary";
import { buttonClass } from "@/components/ui/button";
import type { Locale } from "@/lib/i18n/locales";
import type { OrganizationDetails } from "@/lib/organization/types";
import { RIGHTS_SECTION_ID, SHARING_SECTION_ID, type Policy, type PolicyBlock } from "@/lib/policy/content";
import { fillPlaceholders, fillPolicySections, formatPolicyDate, isoDate, tableOfContents, type UnsetWords } from "@/lib/policy/render";

/** The page's own words around the policy text, in the reader's language (the public pages take them from the "policy" catalogue). */
export type PolicyDocumentWords = {
  effective: string;
  lastUpdated: string;
  contents: string;
  makeRequest: string;
  /** The sentence under the sharing section that links the list of recipients. */
  recipients: ReactNode;
  whatChanged: string;
  requestHref: string;
};

// The editor's preview (a client component, which may not load catalogues) and the tests: the dashboard is English.
const ENGLISH: PolicyDocumentWords = {
  effective: "Effective",
  lastUpdated: "Last updated",
  contents: "Contents",
  makeRequest: "Make a privacy request",
  recipients: (
    <>
      <a href="/privacy/recipients">Who receives data: our third parties and subprocessors</a>, with what each receives, where, and the changes to the list.
    </>
  ),
  whatChanged: "What changed in this version",
  requestHref: "/requests/new",
};

type PolicyDocumentProps = {
  policy: Policy;
  org: OrganizationDetails;
  /** Shown under the dates, e.g. the link to earlier versions. */
  meta?: ReactNode;
  words?: PolicyDocumentWords;
  /** The page's language: its words and dates. The policy's text is in `policy.language`, marked so where they differ. */
  locale?: Locale;
  /** How an unset detail reads in the policy's language ("not appointed"). */
  unset?: UnsetWords;
};

/** One version of the privacy policy, rendered as plain server HTML with a linked table of contents. */
export function PolicyDocument({ policy, org, meta, words = ENGLISH, locale = "en", unset }: PolicyDocumentProps) {
  const sections = fillPolicySections(policy.sections, org, unset);
  // An archived version is shown as it was published; only the policy in force offers the form.
  const offerRequestLink = policy.status === "current";
  // The article is in the policy's language, so a screen reader reads English text as English on
  // a German page; the page's own words inside it keep the page's language.
  const page = policy.language === locale ? {} : { lang: locale };

  return (
    <article className="max-w-3xl" lang={policy.language}>
      <header className="space-y-3 border-b border-slate-200 pb-6">
        <h1 className="text-3xl font-semibold tracking-tight sm:text-4xl">{fillPlaceholders(policy.title, org, unset)}</h1>
        <p className="text-lg text-slate-700">{fillPlaceholders(policy.summary, org, unset)}</p>
        <PolicyChangeSummary text={policy.changeSummary === null ? null : fillPlaceholders(policy.changeSummary, org, unset)} heading={words.whatChanged} headingLang={page.lang} />
        <p className="text-sm text-slate-700" {...page}>
          <span>
            {words.effective} <time dateTime={isoDate(policy.effectiveAt)}>{formatPolicyDate(policy.effectiveAt, locale)}</time>
          </span>
          <span aria-hidden="true"> · </span>
          <span>
            {words.lastUpdated} <time dateTime={isoDate(policy.updatedAt)}>{formatPolicyDate(policy.updatedAt, locale)}</time>
          </span>
        </p>
        {meta && page.lang ? <div lang={page.lang}>{meta}</div> : meta}
      </header>

      <nav aria-labelledby="policy-contents" className="my-8 rounded-lg bg-slate-50 p-5">
        <h2 id="policy-contents" className="text-lg font-semibold" {...page}>
          {words.contents}
        </h2>
        <ol className="mt-3 list-decimal space-y-1 pl-6">
          {tableOfContents(sections).map((entry) => (
            <li key={entry.id}>
              <a href={entry.href}>{entry.heading}</a>
            </li>
          ))}
        </ol>
      </nav>

      <div className="space-y-10">
        {sections.map((section) => (
          <section key={section.id} className="space-y-4">
            <h2 id={section.id} className="text-2xl font-semibold">
              {section.heading}
            </h2>
            {section.blocks.map((block, index) => (
              <Block key={index} block={block} />
            ))}
            {offerRequestLink && section.id === RIGHTS_SECTION_ID ? (
              <p className="pt-2" {...page}>
                <a
                  href={words.requestHref}
                  className={`${buttonClass()} no-underline`}
                >
                  {words.makeRequest}
                </a>
              </p>
            ) : null}
            {offerRequestLink && section.id === SHARING_SECTION_ID ? <p {...page}>{words.recipients}</p> : null}
          </section>
        ))}
      </div>
    </article>
  );
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

/** Text with each email address in it as a link that opens the reader's mail program. */
function WithEmailLinks({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(EMAIL)) {
    // A sentence's full stop after an address is not part of it.
    const address = match[0].replace(/\.+$/, "");
    parts.push(text.slice(last, match.index), <a key={match.index} href={`mailto:${address}`}>{address}</a>);
    last = match.index + address.length;
  }
  parts.push(text.slice(last));
  return <>{parts}</>;
}

function Block({ block }: { block: PolicyBlock }) {
  switch (block.kind) {
    case "p":
      return (
        <p>
          <WithEmailLinks text={block.text} />
        </p>
      );
    case "ul":
      return (
        <ul className="list-disc space-y-2 pl-6">
          {block.items.map((item, index) => (
            <li key={index}>
              <WithEmailLinks text={item} />
            </li>
          ))}
        </ul>
      );
    case "table":
      return (
        <table className="w-full border-collapse text-left text-sm">
          <caption className="mb-2 text-left font-medium text-slate-900">{block.caption}</caption>
          <thead>
            <tr className="border-b-2 border-slate-300">
              {block.head.map((heading, index) => (
                <th key={index} scope="col" className="py-2 pr-4 font-semibold">
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, rowIndex) => (
              <tr key={rowIndex} className="border-b border-slate-200 align-top">
                {row.map((cell, cellIndex) =>
                  // The first cell names the row, so screen readers announce it with each value.
                  cellIndex === 0 ? (
                    <th key={cellIndex} scope="row" className="py-2 pr-4 font-medium">
                      {cell}
                    </th>
                  ) : (
                    <td key={cellIndex} className="py-2 pr-4">
                      <WithEmailLinks text={cell} />
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      );
  }
}
