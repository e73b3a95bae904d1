import type { Messages } from "@/lib/i18n/messages";

// The words of the form's "someone else" parts, passed as props like the detail words: data in
// the page, not JavaScript to download. The server takes them from the form catalogue.

export type RepresentationWords = Omit<Messages["form"]["representation"], "theirs"> & {
  /**
   * The schema's messages for the person's own fields, reworded when they are someone else's:
   * keyed by the message in the reader's language ("Enter your full name" → "Enter their full name").
   */
  errors: Record<string, string>;
};
