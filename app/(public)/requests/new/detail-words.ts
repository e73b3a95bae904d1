import type { Messages } from "@/lib/i18n/messages";

// The words of the form's "About your request" fields, passed to the form as props: data in the
// page, not JavaScript to download (the form's first load stays under 180 KB, bench:bundle). The
// server takes them from the form catalogue (form-options.ts); this file gives their shape only.
export type DetailWords = Messages["form"]["details"];
