import type { ReactNode } from "react";
import { GpcNotice } from "@/components/gpc-notice";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { SkipLink } from "@/components/skip-link";

/** The public pages' frame: skip link, header, the page's <main>, and the footer's privacy notice. */
export function PublicFrame({ children }: { children: ReactNode }) {
  return (
    <>
      <SkipLink />
      <div className="flex min-h-screen flex-col">
        <SiteHeader />
        <GpcNotice />
        {/* tabIndex lets the skip link move keyboard focus here, not just scroll. */}
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-10 focus:outline-none sm:px-6">
          {children}
        </main>
        <SiteFooter />
      </div>
    </>
  );
}
