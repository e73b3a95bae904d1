import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { requirePagePermission } from "@/lib/auth/staff";
import { formatInstant } from "@/lib/dates/format";
import { db } from "@/lib/db";
import { readOrganizationDetails } from "@/lib/organization/settings";
import { getDraft } from "@/lib/policy/drafts";
import { sectionsToMarkdown } from "@/lib/policy/markdown";
import { englishName } from "@/lib/policy/page-words";
import { getCurrentPolicy, getPolicyVersion } from "@/lib/policy/queries";
import { PolicyEditor } from "./policy-editor";

export const metadata: Metadata = { title: "Policy draft" };

type Props = { params: Promise<{ id: string }> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function PolicyDraftPage({ params }: Props) {
  const { id } = await params;
  await requirePagePermission("policy.manage", `/admin/policy/drafts/${encodeURIComponent(id)}`);
  const [draft, org, current] = await Promise.all([UUID.test(id) ? getDraft(db, id) : null, readOrganizationDetails(db), getCurrentPolicy()]);
  if (!draft) notFound();
  // A translation draft: the version it translates (its anchors to keep), published or it would not exist.
  const original = draft.translationOf ? await getPolicyVersion(draft.translationOf) : null;
  const languageName = englishName(draft.language);
  return (
    <div className="space-y-6">
      <Breadcrumb href="/admin/policy" label="Privacy policy" current={draft.title || "Draft"} />
      <div>
        {original ? (
          <>
            <h1 className="text-2xl font-bold text-slate-900">
              Translate version {original.version} into {languageName}
            </h1>
            <p className="mt-1 text-slate-700">
              Language: <strong>{languageName}</strong>. Started {formatInstant(draft.createdAt, org.timeZone)}, last saved {formatInstant(draft.updatedAt, org.timeZone)}, from
              the version&apos;s {englishName(original.language)} text. Translate the words; keep each “## Heading {"{#anchor}"}” anchor and every {"{{placeholder}}"} as they are.
              Publishing makes this the version in {languageName} for readers of the portal in that language; its dates are the version&apos;s.
            </p>
          </>
        ) : (
          <>
            <h1 className="text-2xl font-bold text-slate-900">Edit the policy draft</h1>
            <p className="mt-1 text-slate-700">
              Started {formatInstant(draft.createdAt, org.timeZone)}, last saved {formatInstant(draft.updatedAt, org.timeZone)}. Only admins see drafts; publishing makes a new
              public version{current ? ` (the current one is ${current.version})` : ""}.
            </p>
          </>
        )}
      </div>
      <PolicyEditor
        org={org}
        // Line by line against the original language says nothing of a translation: no comparison.
        current={current && !original ? { version: current.version, markdown: sectionsToMarkdown(current.sections) } : null}
        language={draft.language}
        translation={original ? { version: original.version, languageName, sections: original.sections } : null}
        draft={{
          id: draft.id,
          updatedAt: draft.updatedAt.toISOString(),
          title: draft.title,
          summary: draft.summary,
          markdown: draft.markdown,
          changeSummary: draft.changeSummary ?? "",
          effectiveAt: draft.effectiveAt ?? "",
          version: "",
          placeholders: draft.placeholders,
        }}
      />
    </div>
  );
}
