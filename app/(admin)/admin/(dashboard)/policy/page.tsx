import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { ActionForm } from "@/components/ui/action-form";
import { buttonClass } from "@/components/ui/button";
import { TableHead } from "@/components/ui/table-head";
import { requirePagePermission } from "@/lib/auth/staff";
import { formatCalendarDate, formatInstant } from "@/lib/dates/format";
import { db } from "@/lib/db";
import { LOCALES, localePath, type Locale } from "@/lib/i18n/locales";
import { getOperatorTimeZone } from "@/lib/organization/settings";
import type { PolicyStatus, PolicyVersionSummary } from "@/lib/policy/content";
import { DRAFT_LABELS } from "@/lib/policy/draft-schema";
import { listDrafts, policyHistory, type DraftChange, type PolicyHistoryEntry } from "@/lib/policy/drafts";
import { listPolicyVersions } from "@/lib/policy/queries";
import { englishName } from "@/lib/policy/page-words";
import { languagesOf } from "@/lib/policy/reader-text";
import { isoDate } from "@/lib/policy/render";
import { newDraftForm, translateVersionForm } from "./actions";

export const metadata: Metadata = { title: "Privacy policy" };

const STATUS_LABELS: Record<PolicyStatus, string> = { current: "Current", earlier: "No longer in effect", upcoming: "Not yet in effect" };

// Messages for the codes the "New draft" forms come back with (never text from the address itself).
const ERRORS: Record<string, string> = {
  VERSION_NOT_FOUND: "That version is not published, so no draft could start from it.",
  TRANSLATION_SAME_LANGUAGE: "That version is written in that language already: choose another language to translate it into.",
  TRANSLATION_EXISTS: "That version is published in that language already, and a published translation cannot be changed.",
  FORBIDDEN: "Your role does not allow this.",
  UNAUTHENTICATED: "Sign in to continue.",
};

type Query = { published?: string; translated?: string; language?: string; deleted?: string; error?: string };


export default async function PolicyPage({ searchParams }: { searchParams: Promise<Query> }) {
  await requirePagePermission("policy.manage", "/admin/policy");
  const query = await searchParams;
  const [versions, drafts, history, timeZone] = await Promise.all([listPolicyVersions(), listDrafts(db), policyHistory(db), getOperatorTimeZone()]);
  const current = versions.find((v) => v.status === "current");
  const published = versions.find((v) => v.version === query.published);
  const translated = versions.find((v) => v.version === query.translated);
  const translatedInto = LOCALES.find((l) => l === query.language);

  return (
    <div className="max-w-5xl space-y-10">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">Privacy policy</h1>
        <p className="mt-1 text-slate-700">
          Write the next version as a draft, preview it, then publish it as a new version. Published versions stay at their own address and can never be
          edited: a change is a new version, and anyone can <a href="/privacy/versions/compare">compare two versions</a>.
        </p>
      </div>
      {published ? (
        <Alert tone="success" title={`Version ${published.version} published.`}>
          It takes effect on {formatCalendarDate(published.effectiveAt)}. <a href={`/privacy/versions/${encodeURIComponent(published.version)}`}>Read it as the public sees it</a>.
        </Alert>
      ) : null}
      {translated && translatedInto ? (
        <Alert tone="success" title={`Version ${translated.version} published in ${englishName(translatedInto)}.`}>
          Readers of the portal in {englishName(translatedInto)} now read it in their language.{" "}
          <a href={localePath(translatedInto, `/privacy/versions/${encodeURIComponent(translated.version)}`, true)}>Read it as the public sees it</a>.
        </Alert>
      ) : null}
      {query.deleted ? <Alert tone="success">Draft deleted.</Alert> : null}
      {query.error ? <Alert tone="error">{ERRORS[query.error] ?? "The draft could not be created because of a problem on our side. Please try again."}</Alert> : null}

      <section aria-labelledby="drafts-heading" className="space-y-3">
        <h2 id="drafts-heading" className="text-lg font-semibold text-slate-900">
          Drafts
        </h2>
        <div className="flex flex-wrap gap-3">
          {current ? (
            <ActionForm action={newDraftForm}>
              <input type="hidden" name="from" value={current.version} />
              <button type="submit" className={buttonClass()}>
                New draft from current version
              </button>
            </ActionForm>
          ) : null}
          <ActionForm action={newDraftForm}>
            <input type="hidden" name="from" value="" />
            <button type="submit" className={buttonClass(current ? "secondary" : "primary")}>
              New blank draft
            </button>
          </ActionForm>
        </div>
        {drafts.length === 0 ? (
          <p className="text-slate-700">No draft in progress.</p>
        ) : (
          <table className="w-full border-collapse bg-white text-left text-sm">
            <caption className="sr-only">Drafts, last edited first</caption>
            <TableHead labels={["Draft", "Effective date", "Last edited"]} />
            <tbody>
              {drafts.map((draft) => (
                <tr key={draft.id} className="border-b border-slate-200">
                  <th scope="row" className="py-2 pr-4 font-medium">
                    <a href={`/admin/policy/drafts/${draft.id}`}>{draft.title || "Untitled draft"}</a>
                    {draft.translationOf ? (
                      <span className="block font-normal text-slate-700">
                        Translation of version {draft.translationOf} into {englishName(draft.language)}
                      </span>
                    ) : null}
                  </th>
                  <td className="py-2 pr-4">{draft.translationOf ? "The version's" : draft.effectiveAt ? formatCalendarDate(draft.effectiveAt) : "Not chosen yet"}</td>
                  <td className="py-2 pr-4">
                    {formatInstant(draft.updatedAt, timeZone)} by {draft.updatedBy ?? "a former staff member"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="versions-heading" className="space-y-3">
        <h2 id="versions-heading" className="text-lg font-semibold text-slate-900">
          Published versions
        </h2>
        {versions.length === 0 ? (
          <p className="text-slate-700">No version published yet: the public policy page says so until one is.</p>
        ) : (
          <table className="w-full border-collapse bg-white text-left text-sm">
            <caption className="sr-only">Published versions, newest first</caption>
            <TableHead labels={["Version", "Effective", "Status", "Languages", "Changes"]} />
            <tbody>
              {versions.map((version, index) => {
                const previous = versions[index + 1];
                return (
                  <tr key={version.version} className="border-b border-slate-200">
                    <th scope="row" className="py-2 pr-4 font-medium">
                      <a href={`/privacy/versions/${encodeURIComponent(version.version)}`}>
                        {version.title}, version {version.version}
                      </a>
                    </th>
                    <td className="py-2 pr-4">
                      <time dateTime={isoDate(version.effectiveAt)}>{formatCalendarDate(version.effectiveAt)}</time>
                    </td>
                    <td className="py-2 pr-4">{STATUS_LABELS[version.status]}</td>
                    <td className="py-2 pr-4">
                      <VersionLanguages version={version} />
                    </td>
                    <td className="py-2 pr-4">
                      {previous ? (
                        <a href={`/privacy/versions/compare?${new URLSearchParams({ from: previous.version, to: version.version })}`}>
                          Compare with {previous.version}
                          <span className="sr-only">, for version {version.version}</span>
                        </a>
                      ) : (
                        "The first version"
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="policy-history-heading" className="space-y-3">
        <h2 id="policy-history-heading" className="text-lg font-semibold text-slate-900">
          History
        </h2>
        {history.length === 0 ? (
          <p className="text-slate-700">No draft or publication yet.</p>
        ) : (
          <ol className="space-y-3">
            {history.map((entry) => (
              <li key={entry.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
                <p className="font-medium text-slate-900">
                  {formatInstant(entry.at, timeZone)} · {entry.by ?? "a former staff member"}
                </p>
                <HistoryEntry entry={entry} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

/** The version's own language and its published translations, each linked as readers of it see it, and "Translate" into a language it has not. */
function VersionLanguages({ version }: { version: PolicyVersionSummary }) {
  const has = languagesOf(version);
  const open = LOCALES.filter((l) => !has.includes(l));
  const page = (language: Locale) => localePath(language, `/privacy/versions/${encodeURIComponent(version.version)}`, true);
  const id = `translate-${version.version}`;
  return (
    <div className="space-y-2">
      <ul aria-label={`Languages of version ${version.version}`}>
        {has.map((language) => (
          <li key={language}>
            <a href={page(language)}>{englishName(language)}</a>
            {language === version.language ? " (original)" : " (translation)"}
          </li>
        ))}
      </ul>
      {open.length ? (
        <ActionForm action={translateVersionForm} className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="version" value={version.version} />
          <div>
            <label htmlFor={id} className="block text-xs font-medium text-slate-700">
              Translate version {version.version} into
            </label>
            <select id={id} name="language" className="mt-1 rounded-md border border-slate-500 bg-white px-2 py-1">
              {open.map((language) => (
                <option key={language} value={language}>
                  {englishName(language)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={buttonClass("secondary")}>
            Translate<span className="sr-only"> version {version.version}</span>
          </button>
        </ActionForm>
      ) : null}
    </div>
  );
}

function fieldLabel(field: string): string {
  return field.startsWith("placeholder ") ? `Placeholder ${field.slice("placeholder ".length)}` : (DRAFT_LABELS[field as keyof typeof DRAFT_LABELS] ?? field);
}

function HistoryEntry({ entry }: { entry: PolicyHistoryEntry }) {
  const data = entry.data as { draftId?: string; fromVersion?: string | null; title?: string; version?: string; effectiveAt?: string; language?: string; changes?: DraftChange[] };
  const language = LOCALES.find((l) => l === data.language);
  const languageName = language ? englishName(language) : (data.language ?? "another language");
  const draft = `draft ${data.draftId?.slice(0, 8) ?? ""}`;
  switch (entry.action) {
    case "policy.draft_created":
      return <p className="text-slate-700">Started {draft}{data.fromVersion ? ` from version ${data.fromVersion}` : ", blank"}.</p>;
    case "policy.translation_started":
      return (
        <p className="text-slate-700">
          Started {draft}, a translation of version {data.version} into {languageName}.
        </p>
      );
    case "policy.translation_published":
      return (
        <p className="text-slate-700">
          Published {draft} as the {languageName} translation of version{" "}
          <a href={language ? localePath(language, `/privacy/versions/${encodeURIComponent(data.version ?? "")}`, true) : undefined}>{data.version}</a>.
        </p>
      );
    case "policy.draft_deleted":
      return <p className="text-slate-700">Deleted {draft}{data.title ? ` (“${data.title}”)` : ""}.</p>;
    case "policy.published":
      return (
        <p className="text-slate-700">
          Published {draft} as version <a href={`/privacy/versions/${encodeURIComponent(data.version ?? "")}`}>{data.version}</a>, effective {data.effectiveAt}.
        </p>
      );
    case "policy.draft_saved":
      return (
        <div className="text-slate-700">
          <p>Saved {draft}:</p>
          <ul className="mt-1 list-disc pl-5">
            {(data.changes ?? []).map((c) => (
              <li key={c.field}>
                {fieldLabel(c.field)}: “{c.from ?? "empty"}” → “{c.to ?? "empty"}”
              </li>
            ))}
          </ul>
        </div>
      );
    default:
      return <p className="text-slate-700">{entry.action}</p>;
  }
}
