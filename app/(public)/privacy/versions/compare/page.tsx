import type { Metadata } from "next";
import { connection } from "next/server";
import { buttonClass } from "@/components/ui/button";
import { getOrganizationSettings } from "@/lib/organization/settings";
import type { Policy, PolicyVersionSummary } from "@/lib/policy/content";
import { diffPolicyMarkdown } from "@/lib/policy/diff";
import { sectionsToMarkdown } from "@/lib/policy/markdown";
import { getPolicyVersion, listPolicyVersions } from "@/lib/policy/queries";
import { fillPlaceholders, fillPolicySections, formatPolicyDate } from "@/lib/policy/render";
import { DiffView } from "@/components/policy-diff-view";

export const metadata: Metadata = { title: "Compare privacy policy versions" };

type Props = { searchParams: Promise<{ from?: string | string[]; to?: string | string[] }> };

function one(value: string | string[] | undefined): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return first?.trim() ? first.trim().slice(0, 100) : null;
}

function label(version: PolicyVersionSummary): string {
  const status = version.status === "current" ? "current" : version.status === "upcoming" ? "not yet in effect" : "no longer in effect";
  return `Version ${version.version}, effective ${formatPolicyDate(version.effectiveAt)} (${status})`;
}

// Any two published versions side by side as a list of changed lines; a plain GET form, so it
// works without JavaScript, and each change is named in words, not colour alone.
export default async function CompareVersionsPage({ searchParams }: Props) {
  await connection();
  const query = await searchParams;
  const [versions, org] = await Promise.all([listPolicyVersions(), getOrganizationSettings()]);
  const currentIndex = Math.max(0, versions.findIndex((v) => v.status === "current"));
  // Without a choice: what the current version changed from the one before it.
  const fromName = one(query.from) ?? versions[currentIndex + 1]?.version ?? null;
  const toName = one(query.to) ?? versions[currentIndex]?.version ?? null;
  const [from, to] = await Promise.all([fromName ? getPolicyVersion(fromName) : null, toName ? getPolicyVersion(toName) : null]);

  const problems: string[] = [];
  if (fromName && !from) problems.push(`There is no published version called “${fromName}” to compare from.`);
  if (toName && !to) problems.push(`There is no published version called “${toName}” to compare with.`);
  if (from && to && from.version === to.version) problems.push("Choose two different versions to see what changed between them.");

  const markdown = (policy: Policy) => sectionsToMarkdown(fillPolicySections(policy.sections, org));
  const diff = from && to && problems.length === 0 ? diffPolicyMarkdown(markdown(from), markdown(to)) : null;

  return (
    <div className="max-w-4xl space-y-6">
      <p className="text-sm">
        <a href="/privacy/versions">All versions of this policy</a>
      </p>
      <h1 className="text-3xl font-semibold tracking-tight">Compare privacy policy versions</h1>
      {versions.length < 2 ? (
        <p>There is only {versions.length === 1 ? "one published version" : "no published version"} so far, so there is nothing to compare yet.</p>
      ) : (
        <form method="get" action="/privacy/versions/compare" className="flex flex-wrap items-end gap-4 rounded-md bg-slate-50 p-4">
          <VersionSelect id="compare-from" name="from" label="Earlier version" versions={versions} value={from?.version} />
          <VersionSelect id="compare-to" name="to" label="Later version" versions={versions} value={to?.version} />
          <button type="submit" className={buttonClass()}>
            Compare
          </button>
        </form>
      )}
      {problems.length ? (
        <div role="alert" className="rounded-md border-l-4 border-red-700 bg-red-50 p-4 text-red-900">
          {problems.map((problem) => (
            <p key={problem}>{problem}</p>
          ))}
        </div>
      ) : null}
      {from && to && diff ? (
        <section aria-labelledby="changes-heading" className="space-y-4">
          <h2 id="changes-heading" className="text-2xl font-semibold">
            From version <a href={`/privacy/versions/${encodeURIComponent(from.version)}`}>{from.version}</a> to version{" "}
            <a href={`/privacy/versions/${encodeURIComponent(to.version)}`}>{to.version}</a>
          </h2>
          {to.changeSummary ? (
            <div className="rounded-md border-l-4 border-blue-700 bg-blue-50 p-4">
              <p className="font-semibold">What changed in version {to.version}, in its publisher's words</p>
              <p className="mt-1 whitespace-pre-line">{fillPlaceholders(to.changeSummary, org)}</p>
            </div>
          ) : null}
          <DiffView diff={diff} />
        </section>
      ) : null}
    </div>
  );
}

function VersionSelect({ id, name, label: text, versions, value }: { id: string; name: string; label: string; versions: PolicyVersionSummary[]; value?: string }) {
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {text}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className="mt-1 block rounded-md border border-slate-500 bg-white px-3 py-2">
        {versions.map((v) => (
          <option key={v.version} value={v.version}>
            {label(v)}
          </option>
        ))}
      </select>
    </div>
  );
}
