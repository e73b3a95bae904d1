import { getTranslations } from "next-intl/server";
import type { CSSProperties } from "react";
import { accentShades } from "@/lib/branding/accent";
import { logoAddress, logoDisplaySize } from "@/lib/branding/logo-display";
import type { Branding } from "@/lib/branding/settings";

/**
 * The product as a header names it: its logo when there is one (the product's name as its alt
 * text, so a screen reader hears the name once), else the name in text; then "Privacy Center" in
 * the page's language (English on the owners' task pages, which proxy.ts keeps English).
 * Width and height are set so the header does not move as the logo loads.
 */
export async function BrandMark({ productName, logo }: { productName: string; logo: Branding["logo"] }) {
  const t = await getTranslations("pages.site");
  const suffix = <span className="font-normal text-slate-600">{t("brandSuffix")}</span>;
  if (!logo) {
    return (
      <>
        {productName} {suffix}
      </>
    );
  }
  const size = logoDisplaySize(logo);
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2">
      <img src={logoAddress(logo.sha256)} alt={productName} width={size.width} height={size.height} className="block" />{" "}
      {suffix}
    </span>
  );
}

/** The CSS custom properties that give buttons and links the operator's accent (app/globals.css). */
export function accentStyle(accentColor: string | null): CSSProperties | undefined {
  if (!accentColor) return undefined;
  const { accent, dark, darker } = accentShades(accentColor);
  return { "--accent": accent, "--accent-dark": dark, "--accent-darker": darker } as CSSProperties;
}
