// Where and how large pages show the logo. Pure.

/** The logo's address: the sha256 prefix in it changes with the logo, so it may be cached for good. */
export function logoAddress(sha256: string): string {
  return `/brand/logo?v=${sha256.slice(0, 16)}`;
}

/** The logo's box in a header: `maxHeight` tall, or narrower when it would be wider than `maxWidth`. */
export function logoDisplaySize(logo: { width: number | null; height: number | null }, maxHeight = 40, maxWidth = 200): { width: number; height: number } {
  const ratio = logo.width && logo.height ? logo.width / logo.height : 1;
  const height = Math.min(maxHeight, maxWidth / ratio);
  return { width: Math.max(1, Math.round(height * ratio)), height: Math.max(1, Math.round(height)) };
}
