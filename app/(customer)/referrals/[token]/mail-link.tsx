import type { ReactNode } from "react";

/** A `<link>` in a translated message (`t.rich`) as a mailto link to `email`. */
export function mailto(email: string) {
  function MailLink(chunks: ReactNode) {
    return <a href={`mailto:${email}`}>{chunks}</a>;
  }
  return MailLink;
}
