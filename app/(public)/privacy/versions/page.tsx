import type { Metadata } from "next";
import { connection } from "next/server";
import type { PolicyStatus } from "@/lib/policy/content";
import { listPolicyVersions } from "@/lib/policy/queries";
import { formatPolicyDate, isoDate } from "@/lib/policy/render";

export const metadata: Metadata = { title: "Privacy policy versions" };

const STATUS_LABELS: Record<PolicyStatus, string> = {
  current: "Current",
  earlier: "No longer in effect",
  upcoming: "Not yet in effect",
};

export default async function PolicyVersionsPage() {
  await connection();
  const versions = await listPolicyVersions();

  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight">Privacy policy versions</h1>
      <p>
        Every version of our privacy policy stays here at its own address, so you can read the terms that applied at any
        time. The <a href="/privacy">current privacy policy</a> is the one in effect today.
      </p>
      {versions.length > 1 ? (
        <p>
          <a href="/privacy/versions/compare">Compare versions</a>: see, line by line, what changed between any two of them.
        </p>
      ) : null}
      {versions.length === 0 ? (
        <p>No version has been published yet.</p>
      ) : (
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Published versions of the privacy policy, newest first</caption>
          <thead>
            <tr className="border-b-2 border-slate-300">
              <th scope="col" className="py-2 pr-4 font-semibold">
                Version
              </th>
              <th scope="col" className="py-2 pr-4 font-semibold">
                Effective
              </th>
              <th scope="col" className="py-2 pr-4 font-semibold">
                Last updated
              </th>
              <th scope="col" className="py-2 pr-4 font-semibold">
                Status
              </th>
              <th scope="col" className="py-2 pr-4 font-semibold">
                Changes
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version, index) => (
              <tr key={version.version} className="border-b border-slate-200">
                <th scope="row" className="py-2 pr-4 font-medium">
                  <a href={`/privacy/versions/${encodeURIComponent(version.version)}`}>
                    {version.title}, version {version.version}
                  </a>
                </th>
                <td className="py-2 pr-4">
                  <time dateTime={isoDate(version.effectiveAt)}>{formatPolicyDate(version.effectiveAt)}</time>
                </td>
                <td className="py-2 pr-4">
                  <time dateTime={isoDate(version.updatedAt)}>{formatPolicyDate(version.updatedAt)}</time>
                </td>
                <td className="py-2 pr-4">{STATUS_LABELS[version.status]}</td>
                <td className="py-2 pr-4">
                  {versions[index + 1] ? (
                    <a href={`/privacy/versions/compare?${new URLSearchParams({ from: versions[index + 1]!.version, to: version.version })}`}>
                      What changed from the previous version<span className="sr-only"> ({version.version})</span>
                    </a>
                  ) : (
                    "First version"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
