import type { ComponentProps } from "react";

type Variant = "primary" | "secondary";

const base =
  "inline-flex items-center justify-center gap-2 rounded-md px-4 py-2.5 text-sm font-semibold transition-colors disabled:cursor-not-allowed disabled:opacity-60 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700";
const variants: Record<Variant, string> = {
  // The operator's accent on public pages, the portal's blue elsewhere (app/globals.css).
  primary: "bg-accent text-white hover:bg-accent-dark",
  secondary: "border border-slate-400 bg-white text-slate-900 hover:bg-slate-50",
};

export function buttonClass(variant: Variant = "primary"): string {
  return `${base} ${variants[variant]}`;
}

export function Button({ variant = "primary", className = "", ...props }: ComponentProps<"button"> & { variant?: Variant }) {
  return <button type="button" className={`${buttonClass(variant)} ${className}`} {...props} />;
}
