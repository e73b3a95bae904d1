/** "Customers / Acme Support Ltd": the way back to a dashboard list, above a page's heading. */
export function Breadcrumb({ href, label, current }: { href: string; label: string; current: string }) {
  return (
    <p className="text-sm text-slate-700">
      <a href={href} className="text-blue-700 underline">
        {label}
      </a>{" "}
      / {current}
    </p>
  );
}
