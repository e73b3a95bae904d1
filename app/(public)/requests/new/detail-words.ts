import { OBJECTION_PROCESSING_LABELS, RESTRICTION_GROUND_LABELS } from "@/lib/requests/schema";

// The words of the form's "About your request" fields, passed to the form as props: data in the
// page, not JavaScript to download (the form's first load stays under 180 KB, bench:bundle).

type Text = { label: string; hint?: string };
type Choice = { legend: string; options: Record<string, string> };

export type DetailWords = {
  topics: Text;
  scope: Choice;
  specifics: Text;
  format: Choice;
  processing: Choice;
  reason: Text;
  whatIsWrong: Text;
  correctValue: Text;
  activity: Text;
  ground: Choice;
  consent: Text;
};

export const DETAIL_WORDS: DetailWords = {
  topics: { label: "Anything in particular you want to know? (optional)", hint: "For example, the conversations we hold, or who we shared your data with." },
  scope: { legend: "What should we delete?", options: { ALL: "All personal information about me", SPECIFIC: "Only some of it" } },
  specifics: { label: "Which information should we delete?" },
  format: { legend: "Which file format would you like?", options: { JSON: "JSON (for importing into another service)", CSV: "CSV (for spreadsheets)" } },
  processing: { legend: "Which processing do you object to?", options: OBJECTION_PROCESSING_LABELS },
  reason: {
    label: "Why do you object? (optional)",
    hint: "Under GDPR, tell us about your situation if you object to processing based on our legitimate interests.",
  },
  whatIsWrong: { label: "Which information is wrong?", hint: "For example, the name on your account or a company you are linked to." },
  correctValue: { label: "What should it say instead?" },
  activity: { label: "Which use of your data should we restrict?" },
  ground: { legend: "Why should we restrict it?", options: RESTRICTION_GROUND_LABELS },
  consent: { label: "Which consent do you withdraw?", hint: "For example, marketing emails, or the use of your conversations to improve our service." },
};
