/** The languages an email can be written in. Requesters get English; customers may choose German. */
export type EmailLanguage = "en" | "de";

/** The email language for a stored language code ("de", "de-AT"); anything else falls back to English. */
export function emailLanguage(code: string): EmailLanguage {
  return /^de(?:-|$)/i.test(code.trim()) ? "de" : "en";
}
