import { z } from "zod";

// The accent colour of the public pages' buttons and links. It is checked against white only:
// a ratio of 4.5:1 with white is the same number whether the colour is text on a white page or
// the background of white button text, so one check covers both (WCAG 2.x, 1.4.3, level AA).
// Pure: the settings form checks as the admin types, the server again.

/** WCAG AA's minimum contrast for normal-size text. */
export const AA_CONTRAST = 4.5;

const HEX = /^#[0-9a-f]{6}$/i;

/** "#1D4ED8" → "#1d4ed8"; null when it is not # and six hex digits. */
export function parseHexColor(value: string): string | null {
  const trimmed = value.trim();
  return HEX.test(trimmed) ? trimmed.toLowerCase() : null;
}

function channels(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG 2.x relative luminance of a #rrggbb colour, 0 (black) to 1 (white). */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two #rrggbb colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * "4.5:1", rounded down so a colour never reads as passing when it does not; just under the
 * minimum in hundredths (4.478 is "4.47:1"), so a near miss reads as one.
 */
export function formatRatio(ratio: number): string {
  const tenths = Math.floor(ratio * 10) / 10;
  if (ratio < AA_CONTRAST && ratio >= AA_CONTRAST - 0.1) return `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;
  return `${Number.isInteger(tenths) ? tenths.toFixed(0) : tenths.toFixed(1)}:1`;
}

export type AccentCheck = { ok: true; color: string; ratio: number } | { ok: false; message: string; ratio?: number };

/** Whether `value` can be the accent: its format, then its contrast with white. */
export function checkAccentColor(value: string): AccentCheck {
  const color = parseHexColor(value);
  if (!color) return { ok: false, message: "Enter the colour as # and six hexadecimal digits, such as #1d4ed8" };
  const ratio = contrastRatio(color, "#ffffff");
  if (ratio < AA_CONTRAST) {
    return { ok: false, ratio, message: `${color} has ${formatRatio(ratio)} against white; WCAG AA needs ${AA_CONTRAST}:1. Choose a darker colour` };
  }
  return { ok: true, color, ratio };
}

/**
 * The colour mixed with black: `amount` 0 keeps it, 1 gives black. Darker only ever raises its
 * contrast with white, so a shade of a passing accent passes too.
 */
export function darken(hex: string, amount: number): string {
  return `#${channels(hex)
    .map((v) => Math.round(v * (1 - amount)).toString(16).padStart(2, "0"))
    .join("")}`;
}

/**
 * The shades the pages use, as CSS custom properties: the accent for buttons; a darker one for
 * button hover and for links, which also sit on the light grey footer, where the accent alone
 * could fall just under 4.5:1; a darker still for link hover.
 */
export function accentShades(color: string): { accent: string; dark: string; darker: string } {
  return { accent: color, dark: darken(color, 0.15), darker: darken(color, 0.35) };
}

/** The accent as an admin enters it: empty (or null, as saved) means the portal's own colours. */
export const AccentSchema = z.object({
  accentColor: z
    .string({ error: "Enter a colour such as #1d4ed8, or leave it empty" })
    .nullable()
    .transform((value, ctx) => {
      if (value === null || value.trim() === "") return null;
      const check = checkAccentColor(value);
      if (check.ok) return check.color;
      ctx.addIssue({ code: "custom", message: check.message });
      return z.NEVER;
    }),
});
export type AccentInput = z.input<typeof AccentSchema>;
export type AccentValues = z.output<typeof AccentSchema>;
