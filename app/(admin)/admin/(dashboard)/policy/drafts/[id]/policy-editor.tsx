"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, FieldError, FieldHint, inputClass } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { DomainError } from "@/lib/actions/domain-error";
import { calendarDayIn } from "@/lib/dates/time-zone";
import type { Locale } from "@/lib/i18n/locales";
import type { OrganizationDetails } from "@/lib/organization/types";
import type { PolicySection } from "@/lib/policy/content";
import { DRAFT_LABELS, PublishDraftSchema } from "@/lib/policy/draft-schema";
import { findSquarePlaceholders, type PlaceholderMappings } from "@/lib/policy/placeholders";
import { checkPublishable, checkTranslationPublishable, PUBLISH_REFUSAL_FIELDS, type PublishRefusalCode } from "@/lib/policy/publish-check";
import { deleteDraftAction, publishDraftAction, publishTranslationAction, saveDraftAction } from "../../actions";
import { initialChoice, mappingsFrom, PlaceholderPanel, type PlaceholderChoices } from "./placeholder-panel";
import { PolicyPreview } from "./policy-preview";

const FormSchema = PublishDraftSchema.omit({ draftId: true, baseUpdatedAt: true, placeholders: true });
type FormInput = z.input<typeof FormSchema>;
type FormValues = z.output<typeof FormSchema>;
type Field = keyof FormInput;

export type EditorDraft = { [K in Field]: string } & { id: string; updatedAt: string; placeholders: PlaceholderMappings };

const PREVIEW_DELAY_MS = 300;

const HINTS: Partial<Record<Field, string>> = {
  summary: "One or two sentences shown under the title.",
  markdown:
    "“## Heading” starts a section (add {#anchor} to choose its link name); a blank line between paragraphs; “- ” starts a list item; a line “Table: caption” right before a table names it. Text shows exactly as written: no bold, italics, links, images or HTML. {{legalName}} and the other settings' names fill in from Settings.",
  changeSummary: "Optional: shown at the top of the new version as “What changed in this version”.",
  effectiveAt: "The first day the version applies: today or later.",
  version: "Its name in the address /privacy/versions/NAME. Leave empty to use the effective date.",
};

/** A draft that translates a published version: its name, the language (in English), and the version's sections, whose anchors it must keep. */
export type EditorTranslation = { version: string; languageName: string; sections: PolicySection[] };

/** The message above the form; `focus` when no field took the focus (the message is then where the reader goes). */
type Outcome = { tone: "success" | "error"; message: string; focus?: boolean };

export function PolicyEditor({
  draft,
  org,
  current,
  language,
  translation,
}: {
  draft: EditorDraft;
  org: OrganizationDetails;
  current: { version: string; markdown: string } | null;
  language: Locale;
  translation: EditorTranslation | null;
}) {
  const currentVersion = current?.version ?? null;
  const hydrated = useHydrated();
  const router = useRouter();
  const [base, setBase] = useState(draft.updatedAt);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [confirming, setConfirming] = useState<"publish" | "delete" | null>(null);
  const [busy, setBusy] = useState(false);
  const [placeholderError, setPlaceholderError] = useState<string | null>(null);
  const [choices, setChoices] = useState<PlaceholderChoices>(() => Object.fromEntries(Object.entries(draft.placeholders).map(([name, saved]) => [name, initialChoice(name, saved)])));
  const outcomeRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const markdownRef = useRef<HTMLTextAreaElement | null>(null);
  const publishRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);

  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    watch,
    reset,
    getValues,
    formState: { errors, isDirty },
  } = useForm<FormInput, unknown, FormValues>({
    resolver: zodResolver(FormSchema),
    defaultValues: { title: draft.title, summary: draft.summary, markdown: draft.markdown, changeSummary: draft.changeSummary, effectiveAt: draft.effectiveAt, version: draft.version },
    shouldFocusError: true,
  });

  // The preview follows the text a moment after typing stops, not on every key.
  const [title, summary, markdown, changeSummary, effectiveAt] = watch(["title", "summary", "markdown", "changeSummary", "effectiveAt"]);
  const [shown, setShown] = useState({ title, summary, markdown, changeSummary: changeSummary ?? "", effectiveAt: effectiveAt ?? "" });
  useEffect(() => {
    const timer = setTimeout(() => setShown({ title, summary, markdown, changeSummary: changeSummary ?? "", effectiveAt: effectiveAt ?? "" }), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [title, summary, markdown, changeSummary, effectiveAt]);

  const found = useMemo(() => findSquarePlaceholders([shown.title, shown.summary, shown.markdown, shown.changeSummary].join("\n")), [shown]);
  // Placeholders first seen now get their suggestion (not a choice); those already handled keep theirs.
  const rows = useMemo(() => Object.fromEntries(found.map(({ name }) => [name, choices[name] ?? initialChoice(name, undefined)])), [found, choices]);
  const mappings = mappingsFrom(found, rows);

  useEffect(() => {
    if (outcome?.focus) outcomeRef.current?.focus();
  }, [outcome]);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  // Leaving with unsaved edits (closing the tab, a link, reloading) asks first.
  const [choicesDirty, setChoicesDirty] = useState(false);
  useEffect(() => {
    if (!isDirty && !choicesDirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [isDirty, choicesDirty]);

  function showRefusal(code: string | undefined, message: string) {
    const field = code ? PUBLISH_REFUSAL_FIELDS[code as PublishRefusalCode] : undefined;
    if (field === "placeholders") {
      setPlaceholderError(message);
      // The first blank still to map, so the admin can choose at once.
      document.querySelector<HTMLElement>("[data-unmapped]")?.focus();
    } else if (field) {
      setError(field, { message });
      setFocus(field);
    }
    setOutcome({ tone: "error", message, focus: !field });
  }

  function showFieldErrors(fieldErrors: Record<string, string> | undefined): boolean {
    const entries = Object.entries(fieldErrors ?? {});
    for (const [key, message] of entries) {
      if (key.startsWith("placeholders")) setPlaceholderError(message);
      else if (key in DRAFT_LABELS) setError(key as Field, { message });
    }
    const first = entries.find(([key]) => key in DRAFT_LABELS && !key.startsWith("placeholders"));
    if (first) setFocus(first[0] as Field);
    return entries.length > 0;
  }

  function input(values: FormValues) {
    return { draftId: draft.id, baseUpdatedAt: base, ...values, placeholders: mappings };
  }

  const save = handleSubmit(async (values) => {
    setOutcome(null);
    setPlaceholderError(null);
    setBusy(true);
    const result = await saveDraftAction(input(values));
    setBusy(false);
    if (result.ok) {
      setBase(result.data.updatedAt);
      // What is saved is the new starting point: nothing left to warn about.
      reset(getValues());
      setChoicesDirty(false);
      const changed = result.data.changed.map((f) => (f.startsWith("placeholder ") ? f.replace("placeholder ", "Placeholder ") : (DRAFT_LABELS[f as Field] ?? f)));
      setOutcome({ tone: "success", message: changed.length ? `Draft saved: ${changed.join(", ")}.` : "Nothing had changed since the last save." });
      router.refresh();
      return;
    }
    if (!showFieldErrors(result.fieldErrors) || result.formError) setOutcome({ tone: "error", message: result.formError ?? "Check the fields marked below.", focus: Boolean(result.formError) });
  });

  // Publishing: the same checks as the server's first, so the admin learns what is missing before confirming.
  const askToPublish = handleSubmit((values) => {
    setOutcome(null);
    setPlaceholderError(null);
    try {
      if (translation) checkTranslationPublishable({ ...values, placeholders: mappings }, translation.sections);
      else checkPublishable({ ...values, placeholders: mappings }, calendarDayIn(new Date(), org.timeZone));
    } catch (error) {
      if (error instanceof DomainError) return showRefusal(error.code, error.message);
      throw error;
    }
    setConfirming("publish");
  });

  const publish = handleSubmit(async (values) => {
    setBusy(true);
    if (translation) {
      const result = await publishTranslationAction(input(values));
      setBusy(false);
      setConfirming(null);
      if (result.ok) router.push(`/admin/policy?${new URLSearchParams({ translated: result.data.version, language: result.data.language })}`);
      else if (!showFieldErrors(result.fieldErrors) || result.formError) showRefusal(result.code, result.formError ?? "Check the fields marked below.");
      return;
    }
    const result = await publishDraftAction(input(values));
    setBusy(false);
    setConfirming(null);
    if (result.ok) {
      router.push(`/admin/policy?${new URLSearchParams({ published: result.data.version })}`);
      return;
    }
    if (!showFieldErrors(result.fieldErrors) || result.formError) showRefusal(result.code, result.formError ?? "Check the fields marked below.");
  });

  async function remove() {
    setBusy(true);
    const result = await deleteDraftAction({ draftId: draft.id });
    setBusy(false);
    setConfirming(null);
    if (result.ok) router.push("/admin/policy?deleted=1");
    else setOutcome({ tone: "error", message: result.formError ?? "The draft could not be deleted.", focus: true });
  }

  function goToLine(line: number) {
    const area = markdownRef.current;
    if (!area) return;
    const lines = area.value.split("\n");
    const start = lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0);
    area.focus();
    area.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
  }

  const field = (name: Field, label: string, control: "input" | "textarea" | "date", rows = 3) => {
    const id = `draft-${name}`;
    const hint = HINTS[name];
    const { ref, ...rest } = register(name);
    const props = {
      id,
      ...rest,
      ref: (element: HTMLInputElement | HTMLTextAreaElement | null) => {
        ref(element);
        if (name === "markdown") markdownRef.current = element as HTMLTextAreaElement | null;
      },
      "aria-invalid": errors[name] ? true : undefined,
      "aria-describedby": describedBy(hint ? `${id}-hint` : null, `${id}-error`, Boolean(errors[name])),
      className: `${inputClass}${name === "markdown" ? " font-mono text-sm" : ""}`,
    };
    return (
      <div>
        <label htmlFor={id} className="block font-medium text-slate-900">
          {label}
        </label>
        {hint ? <FieldHint id={`${id}-hint`}>{hint}</FieldHint> : null}
        {control === "textarea" ? <textarea rows={rows} spellCheck {...props} /> : <input type={control === "date" ? "date" : "text"} {...props} />}
        <FieldError id={`${id}-error`} message={errors[name]?.message} />
      </div>
    );
  };

  return (
    <form noValidate onSubmit={(e) => void save(e)} className="space-y-6">
      <div aria-live="polite">{outcome ? <Alert ref={outcomeRef} tone={outcome.tone}>{outcome.message}</Alert> : null}</div>
      <fieldset disabled={!hydrated || busy} className="grid gap-6 lg:grid-cols-2">
        <div className="space-y-4">
          {field("title", DRAFT_LABELS.title, "input")}
          {field("summary", DRAFT_LABELS.summary, "textarea", 2)}
          {field("markdown", DRAFT_LABELS.markdown, "textarea", 24)}
          <PlaceholderPanel found={found} choices={rows} error={placeholderError} onChange={(name, row) => {
              setChoices((all) => ({ ...all, [name]: row }));
              setChoicesDirty(true);
            }} />
          {field("changeSummary", DRAFT_LABELS.changeSummary, "textarea", 3)}
          {/* A translation takes the version's name and dates. */}
          {translation ? null : field("effectiveAt", DRAFT_LABELS.effectiveAt, "date")}
          {translation ? null : field("version", DRAFT_LABELS.version, "input")}
          <div className="flex flex-wrap gap-3">
            <Button type="submit">{busy && !confirming ? "Saving…" : "Save draft"}</Button>
            <Button ref={publishRef} variant="secondary" onClick={() => void askToPublish()}>
              Publish…
            </Button>
            <Button ref={deleteRef} variant="secondary" onClick={() => setConfirming("delete")}>
              Delete draft…
            </Button>
          </div>
          {confirming ? (
            <div ref={confirmRef} tabIndex={-1} role="group" aria-labelledby="confirm-heading" className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-4">
              <h2 id="confirm-heading" className="font-semibold text-slate-900">
                {confirming === "publish" ? (translation ? `Publish this translation of version ${translation.version}?` : "Publish this draft as a new version?") : "Delete this draft?"}
              </h2>
              <p className="mt-1 text-slate-900">
                {confirming === "publish" && translation
                  ? `It becomes public at once: readers of the portal in ${translation.languageName} read version ${translation.version} in it from then on. A published translation can never be edited or deleted: a correction is a new version, translated again.`
                  : confirming === "publish"
                  ? `It becomes public at once${currentVersion ? `, beside version ${currentVersion}` : ""}, and takes effect on its effective date. A published version can never be edited or deleted: a later change is a new version.`
                  : "The draft and its text are removed; published versions stay as they are."}
              </p>
              <div className="mt-3 flex gap-3">
                <Button onClick={() => (confirming === "publish" ? void publish() : void remove())}>{confirming === "publish" ? "Confirm: publish" : "Confirm: delete draft"}</Button>
                <Button
                  variant="secondary"
                  onClick={() => {
                    // Back to the button that asked, so the keyboard user is where they were.
                    (confirming === "publish" ? publishRef : deleteRef).current?.focus();
                    setConfirming(null);
                  }}
                >
                  Cancel
                </Button>
              </div>
            </div>
          ) : null}
        </div>
        <PolicyPreview draftId={draft.id} shown={shown} mappings={mappings} org={org} current={current} language={language} onGoToLine={goToLine} />
      </fieldset>
    </form>
  );
}
