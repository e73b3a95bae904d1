import { logoAddress, logoDisplaySize } from "@/lib/branding/logo-display";
import { LOGO_TYPES } from "@/lib/branding/logo";
import { readBranding, type LogoSummary } from "@/lib/branding/settings";
import { brandingHistory } from "@/lib/branding/update";
import { db } from "@/lib/db";
import { BrandingForm, type LogoPreview } from "./branding-form";
import { SettingsHistory } from "./settings-history";

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
      <SettingsHistory
        id="branding-history-heading"
        heading="Changes to branding"
        entries={history.map((entry) => ({ ...entry, what: entry.change }))}
        timeZone={timeZone}
        empty="No change since the portal was set up."
      />
    </section>
  );
}
