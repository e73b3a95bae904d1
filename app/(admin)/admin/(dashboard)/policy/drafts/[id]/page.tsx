import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { requirePagePermission } from "@/lib/auth/staff";
import { formatInstant } from "@/lib/dates/format";
import { db } from "@/lib/db";
import { readOrganizationDetails } from "@/lib/organization/settings";
import { getDraft } from "@/lib/policy/drafts";
import { sectionsToMarkdown } from "@/lib/policy/markdown";
import { getCurrentPolicy } from "@/lib/policy/queries";
import { PolicyEditor } from "./policy-editor";

export const metadata: Metadata = { title: "Policy draft" };

type Props = { params: Promise<{ id: string }> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function PolicyDraftPage({ params }: Props) {
  const { id } = await params;
  await requirePagePermission("policy.manage", `/admin/policy/drafts/${encodeURIComponent(id)}`);
  const [draft, org, current] = await Promise.all([UUID.test(id) ? getDraft(db, id) : null, readOrganizationDetails(db), getCurrentPolicy()]);
  if (!draft) notFound();
  return (
    <div className="space-y-6">
      <Breadcrumb href="/admin/policy" label="Privacy policy" current={draft.title || "Draft"} />
      <div>
        <h1 className="text-2xl font-bold text-slate-900">Edit the policy draft</h1>
        <p className="mt-1 text-slate-700">
          Started {formatInstant(draft.createdAt, org.timeZone)}, last saved {formatInstant(draft.updatedAt, org.timeZone)}. Only admins see drafts; publishing makes a new
          public version{current ? ` (the current one is ${current.version})` : ""}.
        </p>
      </div>
      <PolicyEditor
        org={org}
        current={current ? { version: current.version, markdown: sectionsToMarkdown(current.sections) } : null}
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
