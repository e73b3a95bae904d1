import { UntrustedText } from "@/components/ui/untrusted-text";

/**
 * Label and value rows: a request's, a referral's or a customer's facts on the dashboard. Values
 * are often what a requester or customer typed, so each is shown as untrusted text.
 */
export function FactList({ facts, className = "" }: { facts: [string, string][]; className?: string }) {
  return (
    <dl className={`divide-y divide-slate-200 ${className}`}>
      {facts.map(([label, value]) => (
        <div key={label} className="grid grid-cols-3 gap-2 px-4 py-2">
          <dt className="text-sm font-medium text-slate-700">{label}</dt>
          <dd className="col-span-2 whitespace-pre-wrap text-slate-900">
            <UntrustedText>{value}</UntrustedText>
          </dd>
        </div>
      ))}
    </dl>
  );
}
