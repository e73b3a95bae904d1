"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Keeps a page live while work runs in the background (a run searching or erasing): the page is
 * re-rendered on the server every `everySeconds`, and not at all once it is idle (null).
 */
export function AutoRefresh({ everySeconds }: { everySeconds: number | null }) {
  const router = useRouter();
  useEffect(() => {
    if (!everySeconds) return;
    const timer = setInterval(() => router.refresh(), everySeconds * 1000);
    return () => clearInterval(timer);
  }, [everySeconds, router]);
  return null;
}
