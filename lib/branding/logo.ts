import { MAX_LOGO_BYTES, oversizeMessage } from "@/lib/branding/logo-limits";
import { checkPng, isPng } from "@/lib/branding/png";
import { checkSvg } from "@/lib/branding/svg";

// What an uploaded logo may be: a PNG or an SVG, told apart by the file's own bytes (its name and
// the type the browser sent say nothing reliable), within a size every visitor can download on
// every page (lib/branding/logo-limits.ts). Pure: no I/O.

export const LOGO_TYPES = { png: "image/png", svg: "image/svg+xml" } as const;
export type LogoType = (typeof LOGO_TYPES)[keyof typeof LOGO_TYPES];

export type LogoCheck = { ok: true; contentType: LogoType; width: number; height: number } | { ok: false; code: string; message: string };

/** Other common files, named so the admin knows what they picked. */
function otherType(bytes: Uint8Array): string | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return "a JPEG image";
  if (starts(0x47, 0x49, 0x46, 0x38)) return "a GIF image";
  if (starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.subarray(8, 12)) === "WEBP") return "a WebP image";
  if (starts(0x25, 0x50, 0x44, 0x46)) return "a PDF";
  if (starts(0x1f, 0x8b)) return "compressed (an SVGZ or gzip file)";
  return null;
}

/** The file's text when it is UTF-8 (a byte-order mark is dropped), else null. */
function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

const notAnImage = (what: string | null): LogoCheck => ({
  ok: false,
  code: "LOGO_TYPE",
  message: `The file is ${what ?? "neither a PNG nor an SVG image"}${what ? ", not a PNG or an SVG" : ""} (read from its content, not its name). Upload a PNG or an SVG`,
});

/** Checks an uploaded logo completely: size, type from the bytes, then that type's own rules. */
export function checkLogo(bytes: Uint8Array): LogoCheck {
  if (bytes.length === 0) return { ok: false, code: "LOGO_EMPTY", message: "The file is empty. Choose a PNG or SVG logo" };
  if (bytes.length > MAX_LOGO_BYTES) return { ok: false, code: "LOGO_TOO_LARGE", message: oversizeMessage(bytes.length) };
  if (isPng(bytes)) {
    const png = checkPng(bytes);
    return png.ok ? { ...png, contentType: LOGO_TYPES.png } : png;
  }
  const other = otherType(bytes);
  if (other) return notAnImage(other);
  const text = utf8(bytes);
  // Markup at all, and an svg element somewhere in it: anything else is some other file.
  if (text === null || !/^\s*</.test(text) || !/<(\w+:)?svg[\s>/]/i.test(text)) return notAnImage(null);
  const svg = checkSvg(text);
  return svg.ok ? { ...svg, contentType: LOGO_TYPES.svg } : svg;
}
