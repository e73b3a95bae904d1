"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ShownOnce } from "@/components/ui/shown-once";
import { useHydrated } from "@/components/ui/use-hydrated";
import { formatInstant } from "@/lib/dates/format";
import { rotateSecretAction } from "./actions";

/** Draws a new signing secret for one endpoint and shows it once; the old one keeps signing for a day. */
export function RotateSecretButton({ endpointId, url, timeZone }: { endpointId: string; url: string; timeZone: string }) {
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  const [rotated, setRotated] = useState<{ secret: string; until: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = () =>
    startTransition(async () => {
      setError(null);
      const result = await rotateSecretAction({ endpointId });
      if (!result.ok) return setError(result.formError ?? "That did not work.");
      setRotated({ secret: result.data.secret, until: formatInstant(result.data.previousUntil, timeZone) });
    });
  return (
    <div className="space-y-2">
      <Button variant="secondary" disabled={!hydrated || pending} onClick={run}>
        {pending ? "Rotating…" : "Rotate signing secret"}
        <span className="sr-only"> of {url}</span>
      </Button>
      <p aria-live="polite" className="text-sm text-red-700">
        {error}
      </p>
      {rotated ? (
        <ShownOnce id={`rotated-${endpointId}`} title="New signing secret. Copy it now: it is not shown again." label="New signing secret" value={rotated.secret}>
          Until {rotated.until} every delivery carries a signature with the new secret and one with the previous, so the receiver keeps
          accepting them while you switch it over. After that, only the new one signs.
        </ShownOnce>
      ) : null}
    </div>
  );
}
