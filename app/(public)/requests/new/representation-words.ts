import type { SUBMITTERS } from "@/lib/requests/schema";

// The words of the form's "someone else" parts, passed as props like the detail words: data in
// the page, not JavaScript to download.

type Submitter = (typeof SUBMITTERS)[number];
type Text = { label: string; hint?: string };

export type RepresentationWords = {
  legend: string;
  choices: Record<Submitter, { label: string; hint: string }>;
  /** The "About you" fieldset, when it is about someone else. */
  about: Record<Exclude<Submitter, "SELF">, { legend: string; name: Text; email: Text; country: string }>;
  /** Their own details: the agent's or the parent's. */
  own: Record<Exclude<Submitter, "SELF">, string>;
  name: Text;
  email: Text;
  organisation: Text;
  guardian: { legend: string; options: Record<"PARENT" | "LEGAL_GUARDIAN", string> };
  childBirthDate: Text;
  /** The schema's messages for the person's own fields, reworded when they are someone else's. */
  errors: Record<string, string>;
};

export const REPRESENTATION_WORDS: RepresentationWords = {
  legend: "Who is this request for?",
  choices: {
    SELF: { label: "Me", hint: "The request is about your own personal information." },
    AGENT: {
      label: "Someone who authorised me to act for them",
      hint: "You are their authorized agent. You will need their signed permission, and we ask them to confirm it to us directly.",
    },
    PARENT: {
      label: "My child, as their parent or guardian",
      hint: "For a child under 18. We may ask you for proof that you have parental responsibility.",
    },
  },
  about: {
    AGENT: {
      legend: "About the person the request is for",
      name: { label: "Their full name" },
      email: {
        label: "Their email address",
        hint: "The address they use with us. We email them there to confirm that they authorised you.",
      },
      country: "Country where they live",
    },
    PARENT: {
      legend: "About your child",
      name: { label: "Your child's full name" },
      email: {
        label: "The email address your child uses with us",
        hint: "We use it only to find your child's data; we do not write to it.",
      },
      country: "Country where your child lives",
    },
  },
  own: { AGENT: "About you, the authorized agent", PARENT: "About you, the parent or guardian" },
  name: { label: "Your full name" },
  email: { label: "Your email address", hint: "We'll send a code to this address to confirm it is yours, and write to you there about the request." },
  organisation: { label: "Your organisation (optional)", hint: "If you act for a business that makes requests for people." },
  guardian: { legend: "How are you related to the child?", options: { PARENT: "Parent", LEGAL_GUARDIAN: "Legal guardian" } },
  childBirthDate: { label: "Your child's date of birth", hint: "For example 2014-03-27." },
  errors: {
    "Enter your full name": "Enter their full name",
    "Enter your email address": "Enter their email address",
    "Choose the country where you live": "Choose the country where they live",
  },
};
