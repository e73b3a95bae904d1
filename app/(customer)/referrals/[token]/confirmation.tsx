"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";

/**
 * What the customer just did, confirmed. The page renders it from ?done=, so it survives the
 * refresh that follows an action; this component only moves focus to it, since the button that
 * was pressed is usually gone from the page.
 */
export function Confirmation({ title, children }: { title: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  // By title: the next confirmation may replace this one in the same place without remounting it.
  useEffect(() => ref.current?.focus(), [title]);
  return (
    <Alert ref={ref} tone="success" title={title}>
      {children}
    </Alert>
  );
}
