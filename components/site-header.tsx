import { connection } from "next/server";
import { BrandMark } from "@/components/brand-mark";
import { getBranding } from "@/lib/branding/settings";
import { getOrganizationSettings } from "@/lib/organization/settings";

// Plain links, not next/link: the public pages ship no client components.
export async function SiteHeader() {
  await connection();
  const [org, branding] = await Promise.all([getOrganizationSettings(), getBranding()]);
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-8 gap-y-3 px-4 py-4 sm:px-6">
        <a href="/" className="text-lg font-semibold text-slate-900 no-underline hover:text-slate-900">
          <BrandMark productName={org.productName} logo={branding.logo} />
        </a>
        <nav aria-label="Main">
          <ul className="flex flex-wrap gap-x-6 gap-y-2">
            <li>
              <a href="/privacy">Privacy policy</a>
            </li>
            <li>
              <a href="/requests/new">Make a request</a>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
