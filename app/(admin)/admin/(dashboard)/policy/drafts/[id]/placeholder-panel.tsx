"use client";

import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { ORGANIZATION_LABELS } from "@/lib/organization/schema";
import type { FoundPlaceholder, PlaceholderMapping, PlaceholderMappings } from "@/lib/policy/placeholders";
import { suggestSetting } from "@/lib/policy/placeholders";
import { PLACEHOLDER_NAMES, type PlaceholderName } from "@/lib/policy/render";

/** One placeholder's row: what is chosen, and whether the admin chose it (a suggestion is not a choice). */
export type PlaceholderChoice = { choice: "" | "text" | PlaceholderName; text: string; confirmed: boolean };
export type PlaceholderChoices = Record<string, PlaceholderChoice>;

/** The row for a placeholder as the draft saved it, else with the obvious setting suggested, not chosen. */
export function initialChoice(name: string, saved: PlaceholderMapping | undefined): PlaceholderChoice {
  if (saved) return "setting" in saved ? { choice: saved.setting, text: "", confirmed: true } : { choice: "text", text: saved.text, confirmed: true };
  return { choice: suggestSetting(name) ?? "", text: "", confirmed: false };
}

/** The mappings the admin has chosen, for the placeholders still in the text. */
export function mappingsFrom(found: FoundPlaceholder[], choices: PlaceholderChoices): PlaceholderMappings {
  const mappings: PlaceholderMappings = {};
  for (const { name } of found) {
    const row = choices[name];
    if (!row?.confirmed) continue;
    if (row.choice === "text" && row.text.trim()) mappings[name] = { text: row.text.trim() };
    else if (row.choice && row.choice !== "text") mappings[name] = { setting: row.choice };
  }
  return mappings;
}

type Props = {
  found: FoundPlaceholder[];
  choices: PlaceholderChoices;
  onChange: (name: string, row: PlaceholderChoice) => void;
  error: string | null;
};

/** Each [PLACEHOLDER] in the text: map it to a setting (filled on every page view) or fill it once with a text. */
export function PlaceholderPanel({ found, choices, onChange, error }: Props) {
  return (
    <section aria-labelledby="placeholders-heading" aria-describedby={error ? "placeholders-error" : undefined} className="rounded-md border border-slate-300 bg-white p-4">
      <h2 id="placeholders-heading" className="text-lg font-semibold text-slate-900">
        Placeholders
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        Blanks in square brackets, such as [PRIVACY EMAIL], found in the title, summary, text and change summary. Map each to a setting (the page then
        shows the setting as it is at the time) or fill it in once. A policy with a blank left cannot be published.
      </p>
      {error ? (
        <p id="placeholders-error" className="mt-2 text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
      {found.length === 0 ? (
        <p className="mt-3 text-slate-700">None found.</p>
      ) : (
        <ul className="mt-3 space-y-4">
          {found.map(({ name, count, line }, index) => {
            const row = choices[name] ?? initialChoice(name, undefined);
            const id = `placeholder-${index}`;
            const suggested = !row.confirmed && row.choice !== "" && row.choice !== "text";
            const status = row.confirmed ? "Done" : suggested ? "Suggested: confirm or choose another" : "Not mapped yet";
            return (
              <li key={name} className="rounded-md border border-slate-200 p-3">
                <p className="font-mono text-slate-900">{name}</p>
                <p id={`${id}-about`} className="text-sm text-slate-700">
                  {count === 1 ? "Once" : `${count} times`}, first on line {line}. <span className={row.confirmed ? "text-green-800" : "font-medium text-red-800"}>{status}.</span>
                </p>
                <div className="mt-2 flex flex-wrap items-end gap-3">
                  <div>
                    <label htmlFor={`${id}-choice`} className="block text-sm font-medium text-slate-900">
                      Fill {name} with
                    </label>
                    <select
                      id={`${id}-choice`}
                      value={row.choice}
                      aria-describedby={`${id}-about`}
                      data-unmapped={row.confirmed ? undefined : true}
                      onChange={(e) => {
                        const choice = e.target.value as PlaceholderChoice["choice"];
                        onChange(name, { choice, text: row.text, confirmed: choice === "text" ? Boolean(row.text.trim()) : choice !== "" });
                      }}
                      className={inputClass}
                    >
                      <option value="">Choose…</option>
                      {PLACEHOLDER_NAMES.map((setting) => (
                        <option key={setting} value={setting}>
                          Setting: {ORGANIZATION_LABELS[setting]}
                        </option>
                      ))}
                      <option value="text">A text, written here</option>
                    </select>
                  </div>
                  {suggested ? (
                    <Button variant="secondary" onClick={() => onChange(name, { ...row, confirmed: true })}>
                      Use {ORGANIZATION_LABELS[row.choice as PlaceholderName]} for {name}
                    </Button>
                  ) : null}
                  {row.choice === "text" ? (
                    <div className="min-w-64 flex-1">
                      <label htmlFor={`${id}-text`} className="block text-sm font-medium text-slate-900">
                        Text for {name}
                      </label>
                      <input
                        id={`${id}-text`}
                        type="text"
                        value={row.text}
                        maxLength={500}
                        onChange={(e) => onChange(name, { choice: "text", text: e.target.value, confirmed: Boolean(e.target.value.trim()) })}
                        className={inputClass}
                      />
                    </div>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
