"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { flushSync } from "react-dom";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, FieldError, FieldHint, inputClass } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { AA_CONTRAST, AccentSchema, contrastRatio, formatRatio, parseHexColor, type AccentInput, type AccentValues } from "@/lib/branding/accent";
import { MAX_LOGO_BYTES, oversizeMessage } from "@/lib/branding/logo-limits";
import { removeLogoAction, updateAccentAction } from "./actions";
import type { LogoUploadResult } from "./logo/route";

type Outcome = { tone: "success" | "error"; message: string } | null;
/** The current logo as the section shows it: its address and box, and a line about the file. */
export type LogoPreview = { src: string; width: number; height: number; description: string };

const PORTAL_BLUE = "#1d4ed8";

/** Settings → Branding: the logo (upload, preview, remove) and the accent colour, each saved on its own. */
export function BrandingForm({ logo, accentColor }: { logo: LogoPreview | null; accentColor: string | null }) {
  return (
    <div className="mt-4 space-y-8">
      <LogoForm logo={logo} />
      <AccentForm accentColor={accentColor} />
    </div>
  );
}

function LogoForm({ logo }: { logo: LogoPreview | null }) {
  const hydrated = useHydrated();
  const router = useRouter();
  const file = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  // The field is focused once enabled again: a disabled one (while uploading) cannot take focus.
  const refuse = (message: string) => {
    flushSync(() => {
      setBusy(false);
      setError(message);
    });
    file.current?.focus();
  };

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setOutcome(null);
    setError(null);
    const chosen = file.current?.files?.[0];
    // The server checks everything again; these spare a pointless upload.
    if (!chosen) return refuse("Choose a PNG or SVG file to upload");
    if (chosen.size > MAX_LOGO_BYTES) return refuse(oversizeMessage(chosen.size));
    setBusy(true);
    try {
      const body = new FormData();
      body.set("logo", chosen);
      const result = (await (await fetch("/admin/settings/logo", { method: "POST", body })).json()) as LogoUploadResult;
      if (result.ok) {
        form.reset();
        setOutcome({ tone: "success", message: result.data.changed ? "Logo uploaded: the public pages show it now." : "That is the logo already in use; nothing changed." });
        router.refresh();
      } else if (result.fieldErrors?.logo) {
        refuse(result.fieldErrors.logo);
      } else {
        setOutcome({ tone: "error", message: result.formError ?? "The upload did not work. Nothing was changed; please try again." });
      }
    } catch {
      setOutcome({ tone: "error", message: "The upload did not reach the server. Check your connection and try again; nothing was changed." });
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    setOutcome(null);
    setError(null);
    setBusy(true);
    try {
      const result = await removeLogoAction({});
      if (result.ok) setOutcome({ tone: "success", message: result.data.removed ? "Logo removed: the header shows the product's name again." : "There was no logo to remove." });
      else setOutcome({ tone: "error", message: result.formError ?? "The logo could not be removed. Please try again." });
    } catch {
      setOutcome({ tone: "error", message: "The request did not reach the server. Check your connection and try again; the logo is still there." });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form noValidate onSubmit={(e) => void upload(e)} aria-labelledby="brand-logo-heading" className="space-y-4">
      <h3 id="brand-logo-heading" className="font-semibold text-slate-900">
        Logo
      </h3>
      <div aria-live="polite">{outcome ? <Alert tone={outcome.tone}>{outcome.message}</Alert> : null}</div>
      {logo ? (
        <figure>
          {/* The preview on white, as the header shows it. */}
          <img src={logo.src} alt="The current logo" width={logo.width} height={logo.height} className="rounded border border-slate-200 bg-white p-2" />
          <figcaption className="mt-1 text-sm text-slate-600">{logo.description}</figcaption>
        </figure>
      ) : (
        <p className="text-slate-700">No logo: the header shows the product&apos;s name.</p>
      )}
      <fieldset disabled={!hydrated || busy} className="space-y-4">
        <div>
          <label htmlFor="brand-logo" className="block font-medium text-slate-900">
            {logo ? "Replace the logo" : "Upload a logo"}
          </label>
          <FieldHint id="brand-logo-hint">
            PNG or SVG, at most {MAX_LOGO_BYTES / 1024} KB. It shows about 40 pixels high. An SVG with a script, event handlers, links to other
            files or embedded web content is refused.
          </FieldHint>
          <input
            ref={file}
            id="brand-logo"
            name="logo"
            type="file"
            accept="image/png,image/svg+xml,.png,.svg"
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy("brand-logo-hint", "brand-logo-error", Boolean(error))}
            className="mt-2 block w-full text-sm text-slate-900 file:mr-3 file:rounded-md file:border file:border-slate-400 file:bg-white file:px-3 file:py-2 file:font-semibold file:text-slate-900"
          />
          <FieldError id="brand-logo-error" message={error ?? undefined} />
        </div>
        <div className="flex flex-wrap gap-3">
          <Button type="submit">{busy ? "Working…" : "Upload logo"}</Button>
          {logo ? (
            <Button variant="secondary" onClick={() => void remove()}>
              Remove logo
            </Button>
          ) : null}
        </div>
      </fieldset>
    </form>
  );
}

/** The ratio as the admin types, in words: a pass or a fail is said, not only coloured. */
function contrastText(value: string): string {
  if (value.trim() === "") return "Empty: buttons and links use the portal's own blue.";
  const color = parseHexColor(value);
  if (!color) return "Enter # and six hexadecimal digits to see the colour's contrast with white.";
  const ratio = contrastRatio(color, "#ffffff");
  return ratio >= AA_CONTRAST
    ? `Contrast with white: ${formatRatio(ratio)}. Passes WCAG AA (${AA_CONTRAST}:1 needed).`
    : `Contrast with white: ${formatRatio(ratio)}. Fails WCAG AA (${AA_CONTRAST}:1 needed): choose a darker colour.`;
}

function AccentForm({ accentColor }: { accentColor: string | null }) {
  const hydrated = useHydrated();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    setValue,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<AccentInput, unknown, AccentValues>({ resolver: zodResolver(AccentSchema), defaultValues: { accentColor: accentColor ?? "" }, shouldFocusError: true });
  const typed = watch("accentColor") ?? "";
  const color = parseHexColor(typed);

  const onSubmit = handleSubmit(async (input) => {
    setOutcome(null);
    const result = await updateAccentAction(input);
    if (result.ok) {
      const now = result.data.accentColor ? `buttons and links are now ${result.data.accentColor}` : "buttons and links use the portal's own blue";
      setOutcome({ tone: "success", message: result.data.changed ? `Saved: ${now}.` : "Nothing had changed." });
      return;
    }
    if (result.fieldErrors?.accentColor) {
      setError("accentColor", { message: result.fieldErrors.accentColor });
      setFocus("accentColor");
    }
    if (result.formError) setOutcome({ tone: "error", message: result.formError });
  });

  const error = errors.accentColor?.message;
  return (
    <form noValidate onSubmit={(e) => void onSubmit(e)} aria-labelledby="brand-accent-heading" className="space-y-4">
      <h3 id="brand-accent-heading" className="font-semibold text-slate-900">
        Accent colour
      </h3>
      <div aria-live="polite">{outcome ? <Alert tone={outcome.tone}>{outcome.message}</Alert> : null}</div>
      <fieldset disabled={!hydrated || isSubmitting} className="space-y-4">
        <div>
          <label htmlFor="brand-accent" className="block font-medium text-slate-900">
            Accent colour
          </label>
          <FieldHint id="brand-accent-hint">
            For buttons and links, as # and six hexadecimal digits (#0f766e). It needs a contrast of at least {AA_CONTRAST}:1 with white, so
            that white button text and links on white stay readable. Leave it empty for the portal&apos;s own blue.
          </FieldHint>
          <div className="flex flex-wrap items-end gap-4">
            <input
              id="brand-accent"
              type="text"
              spellCheck={false}
              autoComplete="off"
              {...register("accentColor")}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${describedBy("brand-accent-hint", "brand-accent-error", Boolean(error))} brand-accent-contrast`}
              className={`${inputClass} max-w-40 font-mono`}
            />
            <div>
              <label htmlFor="brand-accent-picker" className="block text-sm font-medium text-slate-900">
                Or pick it
              </label>
              <input
                id="brand-accent-picker"
                type="color"
                value={color ?? accentColor ?? PORTAL_BLUE}
                onChange={(e) => setValue("accentColor", e.target.value, { shouldValidate: Boolean(error) })}
                className="mt-1 block h-10 w-16 cursor-pointer rounded-md border border-slate-500 bg-white p-1"
              />
            </div>
          </div>
          <p id="brand-accent-contrast" aria-live="polite" className="mt-2 text-sm text-slate-700">
            {contrastText(typed)}
          </p>
          <FieldError id="brand-accent-error" message={error} />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit">{isSubmitting ? "Saving…" : "Save colour"}</Button>
          <Button
            variant="secondary"
            onClick={() => {
              setValue("accentColor", "");
              setFocus("accentColor");
            }}
          >
            Use the portal&apos;s own blue
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
