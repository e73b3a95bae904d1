import type { PolicyVersionSeed } from "../policy-versions";
import type { OperatorSeed } from "./types";

// ConnexCS Ltd. and its AI Agent Data Privacy Policy (../shared/seeds/connexcs-ai-agent-privacy-
// policy.txt), written for this portal: the same sections and statements, its details as settings
// ({{placeholders}}). The seed's contact address is hidden by its web page's email protection (it
// reads "[email protected]"), so the demo uses a sample address on a reserved example domain; the
// policy names no DPO, representative or company number, so those stay empty ("not appointed").

const policy: PolicyVersionSeed = {
  version: "2025-11-01",
  title: "AI Agent Data Privacy Policy",
  summary: "How {{legalName}}'s AI Agent collects, processes and stores data when you interact with it, and how to exercise your rights over your conversation logs.",
  effectiveAt: "2025-11-01",
  updatedAt: "2025-11-01",
  sections: [
    {
      id: "overview",
      heading: "Overview",
      blocks: [
        { kind: "p", text: '{{legalName}} ("ConnexCS", "we", "our", or "us") is committed to safeguarding the privacy of individuals interacting with our AI Agent.' },
        { kind: "p", text: "This policy outlines how our AI Agent collects, processes and stores data, and how it complies with global data protection standards such as the GDPR, the CCPA and the PDPA." },
      ],
    },
    {
      id: "scope",
      heading: "Scope of this policy",
      blocks: [
        { kind: "p", text: "This policy applies exclusively to interactions with the {{productName}}, whether via:" },
        {
          kind: "ul",
          items: ["the ConnexCS dashboard or web app;", "embedded chat widgets;", "customer support interfaces;", "future voice- or SIP-integrated AI modules."],
        },
        { kind: "p", text: "It supplements the general ConnexCS Privacy Policy at {{websiteUrl}}." },
      ],
    },
    {
      id: "information-we-collect",
      heading: "What the AI Agent collects",
      blocks: [
        { kind: "p", text: "When you interact with the AI Agent, we may collect:" },
        {
          kind: "table",
          caption: "Data the AI Agent collects",
          head: ["Data type", "Examples"],
          rows: [
            ["Interaction", "Chat messages, voice inputs, questions, commands"],
            ["Identifiers", "IP address, session ID, user ID (if logged in)"],
            ["Technical data", "Browser type, device, connection time"],
            ["Operational context", "Error codes, command history, SIP traces (if troubleshooting)"],
            ["Optional (only if you provide it)", "Email, phone number, account ID"],
          ],
        },
      ],
    },
    {
      id: "how-we-use-information",
      heading: "How we use this data",
      blocks: [
        { kind: "p", text: "The AI Agent uses the data it collects to:" },
        {
          kind: "ul",
          items: [
            "provide accurate responses and support;",
            "perform real-time diagnostics or trace call issues;",
            "improve AI understanding and training (anonymized where possible);",
            "detect and prevent misuse or abuse;",
            "log internal actions for audit and compliance.",
          ],
        },
        { kind: "p", text: "We do not use AI conversations for marketing without consent." },
      ],
    },
    {
      id: "conversation-storage",
      heading: "Is the AI Agent recording or storing conversations?",
      blocks: [
        { kind: "p", text: "Yes, but with limitations:" },
        {
          kind: "ul",
          items: [
            "Live chat logs are stored for support context and troubleshooting.",
            "Anonymization and retention controls are applied where feasible.",
            "Voice interactions (if applicable) are transcribed for functionality but not retained unless explicitly required for compliance or support.",
          ],
        },
        { kind: "p", text: "You can request deletion or a copy of your conversation at any time (see Your rights below)." },
      ],
    },
    {
      id: "ai-training",
      heading: "Is personal data used for AI training?",
      blocks: [
        {
          kind: "ul",
          items: [
            "By default, we do not use identifiable user data for long-term model training.",
            "If logs are used to improve performance, they are anonymized and aggregated.",
            "We may use synthetic or internal test data for training instead.",
          ],
        },
      ],
    },
    {
      id: "legal-bases",
      heading: "Legal bases",
      blocks: [
        {
          kind: "table",
          caption: "The legal basis for processing, by region",
          head: ["Region", "Basis"],
          rows: [
            ["GDPR (EU)", "Consent (Art. 6(1)(a)), legitimate interest (Art. 6(1)(f)), performance of a contract"],
            ["CCPA (California)", "Data used for business purposes only; users may opt out of sharing"],
            ["PDPA (Singapore/Malaysia)", "Consent-based; withdrawal supported at any time"],
          ],
        },
      ],
    },
    {
      id: "retention",
      heading: "Data retention",
      blocks: [
        {
          kind: "table",
          caption: "How long each kind of data is kept",
          head: ["Data type", "Retention period"],
          rows: [
            ["Chat logs", "6–12 months (for support and auditing)"],
            ["Diagnostic data", "12–24 months (anonymized)"],
            ["User identifiers", "As long as the account remains active"],
          ],
        },
        { kind: "p", text: "After the retention period, data is either deleted or irreversibly anonymized." },
      ],
    },
    {
      id: "your-rights",
      heading: "Your rights",
      blocks: [
        { kind: "p", text: "Depending on your jurisdiction, you have the right to:" },
        {
          kind: "ul",
          items: [
            "access or download your conversation logs;",
            "request deletion of stored AI interaction history;",
            "opt out of automated decision-making (if applicable);",
            "object to data processing;",
            "lodge a complaint with your regional Data Protection Authority.",
          ],
        },
        {
          kind: "p",
          text: "To exercise these rights, contact {{privacyEmail}}. A request for a copy of your conversation logs, or for the deletion of your AI interaction history, can also be made with the request form in this Privacy Center.",
        },
      ],
    },
    {
      id: "security",
      heading: "Security measures",
      blocks: [
        {
          kind: "ul",
          items: ["TLS encryption in transit.", "Role-based access to logs.", "AI audit trails for compliance.", "Regular vulnerability scans and privacy impact assessments."],
        },
      ],
    },
    {
      id: "sharing",
      heading: "Third-party AI platforms",
      blocks: [
        { kind: "p", text: "If parts of the AI Agent are powered by external platforms (for example OpenAI, Google or Azure):" },
        {
          kind: "ul",
          items: [
            "we ensure data minimization;",
            "binding agreements are in place (data processing agreements, Standard Contractual Clauses);",
            "data is only shared as required for processing, not for resale or third-party training.",
          ],
        },
      ],
    },
    {
      id: "cookies",
      heading: "Cookies and tracking",
      blocks: [
        { kind: "p", text: "If the AI Agent is embedded in the ConnexCS website or dashboard:" },
        { kind: "ul", items: ["it may rely on session cookies to maintain context;", "no third-party tracking is embedded unless disclosed in the Cookie Policy."] },
      ],
    },
    {
      id: "changes",
      heading: "Policy updates",
      blocks: [{ kind: "p", text: "We may revise this AI Agent Data Privacy Policy periodically. Updates will be posted on this page and dated accordingly." }],
    },
    {
      id: "contact",
      heading: "Contact",
      blocks: [
        { kind: "p", text: "If you have questions about this policy or how the AI Agent handles data:" },
        {
          kind: "ul",
          items: [
            "{{legalName}}",
            "Website: {{websiteUrl}}",
            "Email: {{privacyEmail}}",
            "Registered office: {{registeredAddress}}",
            "Phone (UK): +44 (0) 203 475 2074",
            "Phone (US): +1 408 444 6570",
          ],
        },
      ],
    },
  ],
};

export const connexcs: OperatorSeed = {
  key: "connexcs",
  name: "ConnexCS",
  organization: {
    legalName: "ConnexCS Ltd.",
    productName: "ConnexCS AI Agent",
    websiteUrl: "https://connexcs.com",
    privacyEmail: "privacy@connexcs.example",
    supportEmail: "support@connexcs.example",
    dpoName: null,
    dpoEmail: null,
    euRepresentative: null,
    ukRepresentative: null,
    registeredAddress: "7 Napoleon Drive, Redwood Park, Shrewsbury, Shropshire, SY3 5PH, United Kingdom",
    companyNumber: null,
    timeZone: "Europe/London",
  },
  policyVersions: [policy],
  // What its policy lets people ask for: a copy of their conversation logs, and their deletion.
  offeredRequestTypes: ["ACCESS", "DELETION"],
  // Its AI Agent serves ConnexCS's own users: no business customer decides over the data.
  customers: [],
};
