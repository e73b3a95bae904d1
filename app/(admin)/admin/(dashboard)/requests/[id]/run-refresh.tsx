"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * Keeps the run panel live while the run is active: the page is re-rendered on the server every
 * `everySeconds`, and not at all once the run is idle (planned, waiting for review, ended).
 */
export function RunRefresh({ everySeconds }: { everySeconds: number | null }) {
  const router = useRouter();
  useEffect(() => {
    if (!everySeconds) return;
    const timer = setInterval(() => router.refresh(), everySeconds * 1000);
    return () => clearInterval(timer);
  }, [everySeconds, router]);
  return null;
}

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
