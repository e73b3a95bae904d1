"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";

/**
 * What the customer just did, confirmed (or, in the error tone, why it was refused). The page
 * renders it from ?done= (?refused=), so it survives the refresh that follows an action; this
 * component only moves focus to it, since the button that was pressed is usually gone from the page.
 */
export function Confirmation({ title, tone = "success", children }: { title: string; tone?: "success" | "error"; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  // By title: the next confirmation may replace this one in the same place without remounting it.
  useEffect(() => ref.current?.focus(), [title]);
  return (
    <Alert ref={ref} tone={tone} title={title}>
      {children}
    </Alert>
  );
}
