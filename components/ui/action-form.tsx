"use client";

import { usePathname } from "next/navigation";
import { useMemo, type FormHTMLAttributes } from "react";

/**
 * A form posting to a server action that works before (and without) JavaScript, whose HTML is
 * valid. React writes such a form as `action=""` (post back to this page), which HTML forbids: an
 * action, if present, must be a non-empty URL. This form names the page instead: `permalink`, or
 * the current path. React's own `useActionState(action, state, permalink)` does the same for
 * forms with state (see `usePermalink`); this one serves the plain ones.
 *
 * How: a server action carries `$$FORM_ACTION`, which React calls while rendering HTML to learn
 * the form's fields; the copy here answers the same with the address filled in. After hydration
 * React calls the function itself, which calls the action as before.
 */
type ServerAction = ((formData: FormData) => void | Promise<void>) & {
  $$FORM_ACTION?: (prefix: string) => Record<string, unknown>;
};

export function ActionForm({ action, permalink, ...props }: Omit<FormHTMLAttributes<HTMLFormElement>, "action"> & { action: ServerAction; permalink?: string }) {
  const address = usePermalink(permalink);
  const addressed = useMemo(() => {
    const encode = action.$$FORM_ACTION;
    if (typeof encode !== "function") return action;
    const copy: ServerAction = (formData) => action(formData);
    copy.$$FORM_ACTION = (prefix) => ({ ...encode.call(action, prefix), action: address });
    return copy;
  }, [action, address]);
  return <form action={addressed} {...props} />;
}

/** The address a form posts back to without JavaScript: `permalink`, else this page's path. */
export function usePermalink(permalink?: string): string {
  const pathname = usePathname();
  return permalink ?? pathname;
}
