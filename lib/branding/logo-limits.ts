// The logo's size limit, shared by the settings form (which checks before uploading) and the
// server (which checks again). Pure, and free of the XML parser, so the form's bundle stays small.

/** The largest logo accepted, in bytes. */
export const MAX_LOGO_BYTES = 100 * 1024;

function kilobytes(n: number): string {
  return `${Math.ceil(n / 1024)} KB`;
}

/** The refusal for a file too large. */
export function oversizeMessage(size: number): string {
  return `The file is ${kilobytes(size)}; a logo can be at most ${kilobytes(MAX_LOGO_BYTES)}. Compress or resize it and upload it again`;
}
