"use client";

import { useActionState, useEffect, useState, type ChangeEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { bulkRequestsAction } from "./actions";
import { usePermalink } from "@/components/ui/action-form";

type Person = { id: string; label: string };

/**
 * Wraps the queue's table (the server renders it, checkboxes included) in one form posting to the
 * bulk server action. Without JavaScript the browser posts it and the page comes back with the
 * outcome; with it, React does the same without a reload.
 */
export function BulkForm({ people, permalink, children }: { people: Person[]; permalink: string; children: ReactNode }) {
  // Without JavaScript the post comes back to this page of the queue, its filters kept.
  const [outcome, formAction, pending] = useActionState(bulkRequestsAction, null, usePermalink(permalink));
  return (
    <form action={formAction} className="space-y-4">
      <fieldset disabled={pending} className="flex flex-wrap items-end gap-3 rounded-md border border-slate-300 bg-white p-4">
        <legend className="px-1 text-sm font-semibold text-slate-900">With the selected requests</legend>
        <div>
          <label htmlFor="bulk-assignee" className="block text-sm font-medium text-slate-900">
            Assign to
          </label>
          <select id="bulk-assignee" name="assigneeId" defaultValue="" className={`${inputClass} w-auto`}>
            <option value="">Choose a person</option>
            <option value="none">Nobody (unassign)</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.label}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" name="intent" value="assign">
          Assign selected
        </Button>
        <Button type="submit" name="intent" value="acknowledge" variant="secondary">
          Acknowledge selected
        </Button>
      </fieldset>
      <div role="status" aria-live="polite">
        {outcome ? (
          <div className={`rounded-md border-l-4 p-4 ${outcome.tone === "success" ? "border-green-700 bg-green-50 text-green-900" : "border-red-700 bg-red-50 text-red-900"}`}>
            <p className="font-semibold">{outcome.message}</p>
            {outcome.details.length ? (
              <ul className="mt-1 list-disc pl-5">
                {outcome.details.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
      {children}
    </form>
  );
}

/** Ticks or clears every row's checkbox. Only shown once JavaScript runs, since it needs it. */
export function SelectAll() {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return <span className="sr-only">Select</span>;
  const toggle = (event: ChangeEvent<HTMLInputElement>) => {
    const boxes = event.currentTarget.form?.querySelectorAll<HTMLInputElement>('input[type="checkbox"][name="requestId"]') ?? [];
    for (const box of boxes) box.checked = event.currentTarget.checked;
  };
  return <input type="checkbox" onChange={toggle} aria-label="Select every request on this page" className="h-5 w-5 accent-blue-700" />;
}
