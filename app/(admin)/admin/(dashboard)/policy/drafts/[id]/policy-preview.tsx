"use client";

import { useMemo } from "react";
import { DiffView } from "@/components/policy-diff-view";
import { PolicyDocument } from "@/components/policy-document";
import { calendarDayIn } from "@/lib/dates/time-zone";
import type { Locale } from "@/lib/i18n/locales";
import type { OrganizationDetails } from "@/lib/organization/types";
import { diffPolicyMarkdown } from "@/lib/policy/diff";
import { parsePolicyMarkdown } from "@/lib/policy/markdown";
import { applyPlaceholders, applyPlaceholdersToSections, type PlaceholderMappings } from "@/lib/policy/placeholders";

type Shown = { title: string; summary: string; markdown: string; changeSummary: string; effectiveAt: string };
type Current = { version: string; markdown: string } | null;

/**
 * The draft as the public page will show it, drawn by the public page's own component (it renders
 * plain text, so it runs here too), or the problems that stand in the way, each with its line.
 */
export function PolicyPreview({
  draftId,
  shown,
  mappings,
  org,
  current,
  language,
  onGoToLine,
}: {
  draftId: string;
  shown: Shown;
  mappings: PlaceholderMappings;
  org: OrganizationDetails;
  current: Current;
  /** The language the draft is written in: the preview's text is marked with it. */
  language: Locale;
  onGoToLine: (line: number) => void;
}) {
  const parsed = useMemo(() => parsePolicyMarkdown(shown.markdown), [shown.markdown]);
  // Against the text as written (placeholders unfilled on both sides), so only the admin's edits show.
  const changes = useMemo(() => (current ? diffPolicyMarkdown(current.markdown, shown.markdown) : null), [current, shown.markdown]);
  const today = calendarDayIn(new Date(), org.timeZone);
  const effective = /^\d{4}-\d{2}-\d{2}$/.test(shown.effectiveAt) && !Number.isNaN(Date.parse(shown.effectiveAt)) ? new Date(`${shown.effectiveAt}T00:00:00Z`) : today;
  const fill = (text: string) => applyPlaceholders(text, mappings);

  return (
    <section aria-labelledby="preview-heading" className="min-w-0 rounded-md border border-slate-300 bg-white p-4">
      <h2 id="preview-heading" className="text-lg font-semibold text-slate-900">
        Preview
      </h2>
      {current && changes ? (
        <details className="mt-2 rounded-md border border-slate-200 p-3">
          <summary className="cursor-pointer font-medium text-slate-900">Compare with the current version ({current.version})</summary>
          <div className="mt-2 space-y-2 text-sm">
            <DiffView diff={changes} />
          </div>
        </details>
      ) : null}
      <p aria-live="polite" className="mt-1 text-sm text-slate-700">
        {parsed.ok ? "As the public page will show it. Blanks not yet mapped show in brackets." : `The text has ${parsed.problems.length === 1 ? "a problem" : `${parsed.problems.length} problems`} to fix before it can be published.`}
      </p>
      {parsed.ok ? (
        <div className="mt-4 border-t border-slate-200 pt-4">
          <PolicyDocument
            org={org}
            policy={{
              id: draftId,
              version: "draft",
              title: fill(shown.title) || "Untitled",
              summary: fill(shown.summary),
              changeSummary: shown.changeSummary.trim() ? fill(shown.changeSummary) : null,
              sections: applyPlaceholdersToSections(parsed.sections, mappings),
              effectiveAt: effective,
              updatedAt: today,
              // Not "current": a preview offers no request button.
              status: "upcoming",
              language,
            }}
          />
        </div>
      ) : (
        <ul aria-label="Problems in the policy text" className="mt-3 space-y-2">
          {parsed.problems.map((problem, index) => (
            <li key={index} className="rounded-md border-l-4 border-red-700 bg-red-50 p-3 text-sm text-red-900">
              <p>{problem.message}</p>
              <button type="button" onClick={() => onGoToLine(problem.line)} className="mt-1 text-blue-800 underline underline-offset-2">
                Go to line {problem.line}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
