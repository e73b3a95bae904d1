import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { PolicyDocument } from "@/components/policy-document";
import { getOrganizationSettings } from "@/lib/organization/settings";
import type { Policy } from "@/lib/policy/content";
import { getPolicyVersion } from "@/lib/policy/queries";
import { formatPolicyDate } from "@/lib/policy/render";

type Props = { params: Promise<{ version: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { version } = await params;
  // The title echoes the URL only when it looks like a version name.
  return { title: /^[\w.-]{1,40}$/.test(version) ? `Privacy policy, version ${version}` : "Privacy policy version" };
}

export default async function PolicyVersionPage({ params }: Props) {
  await connection();
  const { version } = await params;
  const [policy, org] = await Promise.all([getPolicyVersion(version), getOrganizationSettings()]);
  if (!policy) notFound();

  return (
    <div className="space-y-8">
      <VersionNotice policy={policy} />
      <PolicyDocument
        policy={policy}
        org={org}
        meta={
          <p className="text-sm">
            <a href="/privacy/versions">All versions of this policy</a>
          </p>
        }
      />
    </div>
  );
}

function VersionNotice({ policy }: { policy: Policy }) {
  const effective = formatPolicyDate(policy.effectiveAt);
  const tone =
    policy.status === "current" ? "border-slate-400 bg-slate-50" : "border-amber-600 bg-amber-50";
  return (
    <div role="note" className={`max-w-3xl border-l-4 p-4 ${tone}`}>
      {policy.status === "current" ? (
        <p>
          This is the current version of our privacy policy, in effect since {effective}. It is also at{" "}
          <a href="/privacy">our privacy policy page</a>.
        </p>
      ) : policy.status === "upcoming" ? (
        <p>
          <strong>This version is not in effect yet.</strong> It takes effect on {effective}; until then,{" "}
          <a href="/privacy">the current privacy policy</a> applies.
        </p>
      ) : (
        <p>
          <strong>This is not the current version of our privacy policy.</strong> It took effect on {effective} and has
          since been replaced. <a href="/privacy">Read the current privacy policy</a>.
        </p>
      )}
    </div>
  );
}
