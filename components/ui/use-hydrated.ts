"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server's HTML and until React has hydrated, true after. A form whose submit is
 * handled by React keeps its controls disabled until then: a click before would submit the form
 * natively (a GET putting what was typed into the address) and typing could be overwritten when
 * the form's state takes over. A person or a test waits for the controls to be enabled instead.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
