import { createContext } from "react";

/**
 * The operator's accent colour (Settings → Branding, already checked for contrast with white), for
 * the email's button; null: the portal's own. Provided by renderEmail as the email goes out, so a
 * queued email wears the colour of the day it is sent.
 */
export const EmailAccent = createContext<string | null>(null);
