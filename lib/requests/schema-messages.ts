import { CONTROL_CHARACTER_MESSAGE } from "@/lib/text/control-characters";

// The request form's validation messages in English: what the schema says, what the API answers
// with (422), and with RULE_MESSAGES (lib/requests/rule-messages.ts) the source
// of lib/i18n/messages/en/validation.json, which must equal them (tested).
// The form gets each one's translation from the server (lib/requests/validation-words.ts), so no
// catalogue is sent to the browser. `{name}` marks a value (ICU's simple argument). No server-only
// imports: the schema ships to the browser.
export const SCHEMA_MESSAGES = {
  type: "Choose the kind of request",
  name: "Enter your full name",
  email: "Enter your email address",
  emailFormat: "Enter an email address in the format name@example.com",
  emailLocalPartTooLong: "The part before the @ can be at most {max} characters.",
  emailTooLong: "This email address is too long: {max} characters at most.",
  country: "Choose the country where you live",
  regionNotAsked: "Leave the state or province empty: we ask for one only in the United States and Canada",
  state: "Choose your state",
  province: "Choose your province or territory",
  relationship: "Choose how you know us",
  workspaceReference: "Tell us which company's chat, email or support service you used",
  dataScope: "Choose what your request is about",
  companyEmailFormat: "Enter the company's address in the format support@example.com",
  submittedBy: "Choose who the request is for",
  ownName: "Enter your own full name",
  ownEmail: "Enter your own email address",
  guardianRelationship: "Choose how you are related to the child",
  deletionScope: "Choose what you want deleted",
  deletionSpecifics: "Describe the data you want deleted",
  portabilityFormat: "Choose a file format",
  objectionProcessing: "Choose the processing you object to",
  whatIsWrong: "Tell us which information is wrong",
  correctValue: "Tell us what it should say",
  restrictionActivity: "Tell us which use of your data to restrict",
  restrictionGround: "Choose why processing should be restricted",
  consent: "Tell us which consent you withdraw",
  tooLong: "Keep this under {max} characters",
  controlCharacter: CONTROL_CHARACTER_MESSAGE,
  // The verification code (VerifyCodeSchema).
  code: "Enter the 6-digit code from the email",
  codeFormat: "Enter the 6 digits from the email, without spaces",
} as const;
