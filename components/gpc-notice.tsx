import { headers } from "next/headers";
import { sendsGpc } from "@/lib/privacy-signals/gpc";

/**
 * Shown on every public page while the browser sends Global Privacy Control: the signal was seen
 * and is honoured (CCPA 11 CCR §7025(c)(6) lets a business say so). Nothing to click to make it count.
 */
export async function GpcNotice() {
  if (!sendsGpc(await headers())) return null;
  return (
    <div className="border-b border-green-700 bg-green-50">
      <p className="mx-auto max-w-5xl px-4 py-2 text-sm text-green-900 sm:px-6">
        <strong>Global Privacy Control detected and honoured.</strong> Your browser asked us not to sell or share your personal
        information, and we treat that as your opt-out.{" "}
        <a href="/privacy/global-privacy-control" className="text-green-900 underline underline-offset-4">
          What this means
        </a>
      </p>
    </div>
  );
}
