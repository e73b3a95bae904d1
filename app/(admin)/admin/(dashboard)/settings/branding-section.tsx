import { logoAddress, logoDisplaySize } from "@/lib/branding/logo-display";
import { LOGO_TYPES } from "@/lib/branding/logo";
import { readBranding, type LogoSummary } from "@/lib/branding/settings";
import { brandingHistory } from "@/lib/branding/update";
import { formatInstant } from "@/lib/dates/format";
import { db } from "@/lib/db";
import { BrandingForm, type LogoPreview } from "./branding-form";

function preview(logo: LogoSummary): LogoPreview {
  const type = logo.contentType === LOGO_TYPES.svg ? "SVG" : `PNG, ${logo.width} × ${logo.height} pixels`;
  return { src: logoAddress(logo.sha256), ...logoDisplaySize(logo, 64, 320), description: `${type}, ${Math.max(1, Math.round(logo.size / 1024))} KB` };
}

/** Settings → Branding: the logo and accent colour of the public pages, and who changed them when. The page checks the role. */
export async function BrandingSection({ timeZone }: { timeZone: string }) {
  const [branding, history] = await Promise.all([readBranding(db), brandingHistory(db)]);
  return (
    <section aria-labelledby="branding-heading" className="rounded-md border border-slate-300 bg-white p-6">
      <h2 id="branding-heading" className="text-lg font-semibold text-slate-900">
        Branding
      </h2>
      <p className="mt-1 text-slate-700">
        The logo in the header and the colour of buttons and links on the pages requesters and customers see. The dashboard keeps its own
        colours. Changes apply at once.
      </p>
      <BrandingForm logo={branding.logo && preview(branding.logo)} accentColor={branding.accentColor} />
      <section aria-labelledby="branding-history-heading" className="mt-6">
        <h3 id="branding-history-heading" className="font-semibold text-slate-900">
          Changes to branding
        </h3>
        {history.length === 0 ? (
          <p className="mt-2 text-slate-700">No change since the portal was set up.</p>
        ) : (
          <ol className="mt-2 space-y-3">
            {history.map((entry) => (
              <li key={entry.id} className="rounded-md border border-slate-200 p-3 text-sm">
                <p className="font-medium text-slate-900">
                  {formatInstant(entry.at, timeZone)} · {entry.by ?? "a former staff member"}
                </p>
                <p className="mt-1 break-words text-slate-700">{entry.change}</p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </section>
  );
}
