// The messages of the rules checked on the server after the schema (lib/representation/form-rules.ts
// words them there; lib/requests/validation-words.test.ts checks they agree). Apart from the
// schema's, so the request form's bundle does not carry them.
export const RULE_MESSAGES = {
  ownEmailSameAsTheirs: "Give your own email address here, not the one of the person you ask for: we write to each of you",
  childBirthDate: "Enter the child's date of birth, for example 2014-03-27",
  childBirthDateInFuture: "The date of birth cannot be in the future",
  childTooOld: "A parent or guardian can ask for a child under {age}. An adult can ask for themselves, or name you as their authorized agent.",
} as const;
