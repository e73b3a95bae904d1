"use client";

import { useRef, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { removeWorkspaceAction } from "../actions";
import { useHydrated } from "@/components/ui/use-hydrated";

/** Removing a workspace asks for confirmation first, saying what it changes for routing. */
export function RemoveWorkspace({ workspace, focusAfterId }: { workspace: { id: string; name: string; slug: string }; focusAfterId: string }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);

  const ask = () => {
    setError(null);
    setConfirming(true);
    requestAnimationFrame(() => confirmRef.current?.focus());
  };
  const cancel = () => {
    setConfirming(false);
    requestAnimationFrame(() => startRef.current?.focus());
  };
  const remove = () =>
    startTransition(async () => {
      const result = await removeWorkspaceAction({ workspaceId: workspace.id });
      setConfirming(false);
      if (result.ok) {
        // This section is gone once the page refreshes: keep the keyboard user's place nearby.
        document.getElementById(focusAfterId)?.focus();
        return;
      }
      setError(result.formError ?? "The workspace could not be removed. Reload the page and try again.");
    });

  return (
    <div className="space-y-3">
      <div aria-live="polite">{error ? <Alert tone="error">{error}</Alert> : null}</div>
      {confirming ? (
        <div role="group" aria-label={`Confirm removing ${workspace.name}`} className="space-y-2 rounded-md bg-amber-50 p-3">
          <p className="text-sm text-slate-900">
            Remove “{workspace.name}” ({workspace.slug})? Requests naming it or its domains will no longer be matched to this customer.
          </p>
          <div className="flex gap-2">
            <Button ref={confirmRef} onClick={remove} disabled={!hydrated || pending}>
              {pending ? "Removing…" : "Confirm: remove workspace"}
              <span className="sr-only"> {workspace.name}</span>
            </Button>
            <Button variant="secondary" onClick={cancel} disabled={!hydrated || pending}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <Button ref={startRef} variant="secondary" onClick={ask} disabled={!hydrated}>
          Remove workspace<span className="sr-only"> {workspace.name}</span>
        </Button>
      )}
    </div>
  );
}
