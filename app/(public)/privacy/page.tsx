import type { Metadata } from "next";
import { connection } from "next/server";
import { PolicyDocument } from "@/components/policy-document";
import { getOrganizationSettings } from "@/lib/organization/settings";
import { getCurrentPolicy } from "@/lib/policy/queries";

export const metadata: Metadata = { title: "Privacy policy" };

export default async function PrivacyPolicyPage() {
  await connection();
  const [policy, org] = await Promise.all([getCurrentPolicy(), getOrganizationSettings()]);

  if (!policy) {
    // Only before the first version's effective date: say so rather than show a 404.
    return (
      <div className="max-w-3xl space-y-4">
        <h1 className="text-3xl font-semibold tracking-tight">Privacy policy</h1>
        <p>
          Our privacy policy is not yet in effect. For any privacy question, write to{" "}
          <a href={`mailto:${org.privacyEmail}`}>{org.privacyEmail}</a>.
        </p>
      </div>
    );
  }

  return (
    <PolicyDocument
      policy={policy}
      org={org}
      meta={
        <p className="text-sm">
          <a href="/privacy/recipients">Who receives data</a>
          <span aria-hidden="true"> · </span>
          <a href="/privacy/versions">Earlier versions of this policy</a>
        </p>
      }
    />
  );
}
