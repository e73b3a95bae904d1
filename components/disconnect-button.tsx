"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";

/**
 * Removes one connected sign-in account: the member's own (account page) or anyone's (an admin on
 * the staff page). `disconnect` is a server action already bound to the binding it removes.
 */
export function DisconnectButton({ disconnect, label, srLabel }: { disconnect: () => Promise<{ ok: boolean; formError?: string }>; label: string; srLabel: string }) {
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  // Until React has hydrated, typing would be lost and a click would do nothing: see useHydrated.
  const hydrated = useHydrated();
  const run = () =>
    startTransition(async () => {
      setMessage(null);
      const result = await disconnect();
      if (!result.ok) setMessage(result.formError ?? "That did not work.");
    });
  return (
    <span className="flex flex-wrap items-center gap-2">
      <Button variant="secondary" disabled={!hydrated || pending} onClick={run}>
        {label}
        <span className="sr-only"> {srLabel}</span>
      </Button>
      <span aria-live="polite" className="text-sm text-red-700">
        {message}
      </span>
    </span>
  );
}
