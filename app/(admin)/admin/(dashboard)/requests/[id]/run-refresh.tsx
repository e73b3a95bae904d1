"use client";

import { useEffect, useRef } from "react";

/** Keeps the run panel live while the run is active, and not at all once it is idle (planned, waiting for review, ended). */
export { AutoRefresh as RunRefresh } from "@/components/auto-refresh";

/** Moves focus to the outcome of the form just sent, so a screen reader reads it and the keyboard starts there. */
export function FocusOnArrival({ children }: { children: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} tabIndex={-1} className="outline-none">
      {children}
    </div>
  );
}
