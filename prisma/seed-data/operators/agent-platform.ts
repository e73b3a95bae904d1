import type { PolicyVersionSeed } from "../policy-versions";
import type { OperatorSeed } from "./types";

// The operator of the AI-agent platform template (../shared/seeds/ai-agent-platform-policy-
// template.txt): a fictional company, Larkspur Agents SAS, with reserved example.com addresses. Its
// policy follows the template section by section; every [PLACEHOLDER] is a setting here
// ({{legalName}}, {{privacyEmail}}...), and the template's notes to its author ("align this section
// with...", "[ADD ... IF USED]", "Resend, Postmark, or Amazon SES ... depending on what is actually
// used") are settled as this operator would settle them.

const policy: PolicyVersionSeed = {
  version: "2026-03-01",
  title: "Privacy Policy",
  summary: "How {{legalName}} collects, uses, discloses, stores and otherwise processes personal data in connection with {{productName}}, and how to exercise your privacy rights.",
  effectiveAt: "2026-03-01",
  updatedAt: "2026-03-01",
  sections: [
    {
      id: "introduction",
      heading: "1. Introduction",
      blocks: [
        {
          kind: "p",
          text: 'This Privacy Policy explains how {{legalName}} ("{{productName}}", "we", "us" or "our") collects, uses, discloses, stores and otherwise processes personal data in connection with:',
        },
        {
          kind: "ul",
          items: [
            "our website at {{websiteUrl}};",
            "our self-serve software platform for creating and managing AI agents;",
            "related onboarding, billing, provisioning, diagnostics, support and account-management features; and",
            "our communications with customers, prospective customers and users.",
          ],
        },
        { kind: "p", text: "This Privacy Policy also explains your privacy rights and how to exercise them." },
      ],
    },
    {
      id: "who-we-are",
      heading: "2. Who we are",
      blocks: [
        {
          kind: "ul",
          items: [
            "Data controller: {{legalName}}, {{registeredAddress}}",
            "Company number: {{companyNumber}}",
            "Email: {{privacyEmail}}",
            "Support: {{supportEmail}}",
            "Data Protection Officer / privacy contact: {{dpoName}}, {{dpoEmail}}",
            "EU representative: {{euRepresentative}}",
          ],
        },
      ],
    },
    {
      id: "scope",
      heading: "3. Scope",
      blocks: [
        { kind: "p", text: "This Privacy Policy applies to personal data processed by us in connection with:" },
        {
          kind: "ul",
          items: [
            "visits to our public website, documentation, pricing and legal pages;",
            "authentication and account creation;",
            "workspace creation and management;",
            "subscription billing and payment administration;",
            "provisioning and operation of dedicated infrastructure for customer workspaces;",
            "creation and management of agents and channel integrations;",
            "diagnostics, audit logs and security monitoring;",
            "customer support;",
            "marketing communications, where permitted by law; and",
            "compliance with legal obligations and enforcement of our terms.",
          ],
        },
        {
          kind: "p",
          text: "This Privacy Policy does not apply to third-party websites, products or services that we do not control, even where they are linked from our website or integrated into our service.",
        },
      ],
    },
    {
      id: "our-role",
      heading: "4. Roles: when we act as controller and when we act as processor",
      blocks: [
        {
          kind: "p",
          text: "Account, website, billing and platform administration data: for personal data relating to account registration, authentication, website usage, billing, subscription management, support, fraud prevention, compliance and internal operations, we act as the data controller.",
        },
        {
          kind: "p",
          text: "Customer end-user and conversation data processed through the platform: our platform is designed so that certain operational and conversation data are stored on the customer's dedicated infrastructure rather than centrally in the control plane. Where customers use the platform to process personal data relating to their own end users, contacts or message senders, the customer is typically the controller of that data and we act as a processor or service provider on the customer's behalf, subject to our contract with that customer. In those cases:",
        },
        {
          kind: "ul",
          items: [
            "the customer determines why the data are processed and which agent or channel is used;",
            "we provide and operate the underlying service infrastructure and related support and security functions; and",
            "the customer is responsible for providing any required notices and obtaining any necessary permissions from its own end users.",
          ],
        },
        {
          kind: "p",
          text: "Where we independently determine the purposes and means of processing, we may act as a controller for that processing. If you make a request about data a customer controls, we pass it to that customer and tell you how to reach them.",
        },
      ],
    },
    {
      id: "information-we-collect",
      heading: "5. Categories of personal data we collect",
      blocks: [
        { kind: "p", text: "Depending on how you interact with the Service, we may collect the following categories of personal data." },
        {
          kind: "table",
          caption: "Categories of personal data",
          head: ["Category", "What it includes"],
          rows: [
            ["Account and identity data", "Name; email address; login credentials and authentication data; OAuth profile data made available by your identity provider; session identifiers and account preferences"],
            ["Workspace and subscription data", "Workspace name and slug; subscription status; billing contact details; Stripe customer ID, subscription ID, invoice IDs and related billing metadata; selected plan and pricing history"],
            ["Infrastructure and operational metadata", "Provisioning status; VPS and service identifiers; region and infrastructure metadata; system version and health data; agent and channel configuration metadata; event timestamps, activity counts and diagnostic metadata"],
            ["Support and communications data", "The content of support requests, emails and related correspondence; issue reports, feedback and appeal submissions; records of communications with you"],
            ["Technical, device and usage data", "IP address; browser type and version; device and operating system information; referral URLs; timestamps; page views and interaction events; cookie or similar identifier data, where used"],
            ["Security and audit data", "Access logs; account and session activity; admin actions and audit events; abuse detection signals; fraud, security and enforcement-related records"],
          ],
        },
        {
          kind: "p",
          text: "Customer-provided configuration and secret material: during setup, you may provide configuration data and credentials such as API keys, bot tokens or channel credentials. Our control plane handles these values transiently for validation and secure delivery to the customer environment and is designed not to retain the full secret value in persistent control-plane storage, except where temporary handling is technically necessary to complete setup or rotation. We retain only limited metadata such as masked fingerprints and validation timestamps.",
        },
        {
          kind: "p",
          text: "Customer end-user message metadata: for platform operation, we may process limited metadata about customer end-user interactions, such as message counts, timestamps and channel identifiers. Message content is intended to remain on the customer's dedicated infrastructure rather than in the control plane.",
        },
      ],
    },
    {
      id: "sources",
      heading: "6. Sources of personal data",
      blocks: [
        { kind: "p", text: "We collect personal data:" },
        {
          kind: "ul",
          items: [
            "directly from you when you create an account, subscribe, configure the platform, contact us or otherwise use the Service;",
            "automatically from your browser, device and usage of the Service;",
            "from identity providers when you sign in using OAuth;",
            "from payment providers and billing tools;",
            "from infrastructure, security and support tools we use to operate the Service;",
            "from channel or API providers when needed to validate your configuration; and",
            "from your organization or account owner where your access is provisioned through them.",
          ],
        },
      ],
    },
    {
      id: "legal-bases",
      heading: "7. Why we process personal data and our legal bases",
      blocks: [
        { kind: "p", text: "We process personal data only where we have a lawful basis to do so. The legal basis depends on the context of the processing." },
        {
          kind: "table",
          caption: "Purposes and legal bases",
          head: ["Purpose", "Examples", "Legal basis"],
          rows: [
            ["To provide and operate the Service", "Account creation, authentication, workspace creation, provisioning, agent management, channel setup, product functionality, diagnostics, support", "Performance of a contract, or steps taken at your request before entering into a contract"],
            ["To administer subscriptions and payments", "Checkout sessions, subscriptions, invoicing, payment failures, refunds, pricing changes, billing support", "Performance of a contract; legal obligation for accounting and tax records where applicable"],
            ["To secure the Service and prevent abuse", "Rate limiting, session management, fraud screening, security monitoring, audit logs, suspension workflows, protection of infrastructure and accounts", "Our legitimate interests in securing the Service and preventing fraud and abuse; legal obligation where applicable"],
            ["To communicate with you", "Service emails, onboarding messages, provisioning notices, billing notices, security alerts, support communications, administrative updates", "Performance of a contract, legal obligation, or our legitimate interests in operating the Service"],
            ["To improve and develop the Service", "Analytics, troubleshooting, service quality review, performance monitoring, feature improvement, capacity planning", "Our legitimate interests in improving, maintaining and developing the Service"],
            ["To comply with legal obligations", "Tax, accounting, sanctions and compliance reviews, lawful requests, dispute management, records retention", "Compliance with a legal obligation"],
            ["To send marketing communications", "Product updates, events, newsletters or promotional outreach where permitted by applicable law", "Your consent where required, or our legitimate interests where permitted by law; you can opt out at any time"],
          ],
        },
      ],
    },
    {
      id: "product-processing",
      heading: "8. Product-specific processing details",
      blocks: [
        { kind: "p", text: "Because of the architecture of the Service, the way data are processed depends on the layer involved." },
        {
          kind: "p",
          text: "Control plane data: the control plane processes data needed to create and authenticate accounts; create and manage workspaces; manage subscriptions and billing; orchestrate provisioning and deprovisioning; store platform metadata and audit events; show health, diagnostics and configuration status; and support users and enforce the service terms.",
        },
        { kind: "p", text: "Customer dedicated infrastructure: each customer workspace is designed to run on dedicated customer infrastructure provisioned by us. Based on the product architecture:" },
        {
          kind: "ul",
          items: [
            "conversation content is intended to be stored on the customer's dedicated infrastructure;",
            "control-plane storage is limited primarily to metadata and service administration data;",
            "backups of conversation content are not centralized by default; and",
            "data export jobs are triggered from the customer environment and made available to the customer through a time-limited mechanism.",
          ],
        },
        {
          kind: "p",
          text: "Secrets and credentials: when you provide API keys, tokens or channel credentials, we may validate them to confirm they work and securely transmit them to the dedicated customer environment; we aim not to store the full secret value permanently in control-plane databases or logs, and may retain masked fingerprints, validation times and related configuration metadata.",
        },
        {
          kind: "p",
          text: "Diagnostics and logs: we generate logs, health indicators and audit events to secure and operate the Service. We are committed to avoiding the storage of secret values in logs and to limiting diagnostics to what is reasonably necessary for security, support and reliability.",
        },
      ],
    },
    {
      id: "cookies",
      heading: "9. Cookies and similar technologies",
      blocks: [
        { kind: "p", text: "We may use cookies and similar technologies on our website and product for purposes such as:" },
        { kind: "ul", items: ["authentication and session continuity;", "security;", "load balancing and service reliability;", "remembering preferences;", "analytics; and", "measuring site and product performance."] },
        {
          kind: "p",
          text: "Where required by applicable law, we will request your consent before placing non-essential cookies or similar technologies on your device. You can also manage cookies through your browser settings, though some parts of the Service may not function properly without essential cookies.",
        },
      ],
    },
    {
      id: "sharing",
      heading: "10. Who we share personal data with",
      blocks: [
        { kind: "p", text: "We may share personal data with the following categories of recipients, where necessary and subject to appropriate safeguards." },
        {
          kind: "p",
          text: "Service providers and processors, including providers of hosting and infrastructure, content delivery and DNS, payment processing and billing tools, email delivery, authentication, monitoring and logging, support tools, analytics and security services. They include:",
        },
        {
          kind: "ul",
          items: [
            "OVHcloud for infrastructure;",
            "Cloudflare for DNS and related network services;",
            "Stripe for payments and billing administration;",
            "Google, GitHub and Apple for optional OAuth sign-in;",
            "Postmark for transactional email; and",
            "messaging and API providers such as Telegram, Meta/WhatsApp, OpenAI and Anthropic, where customers configure those integrations.",
          ],
        },
        { kind: "p", text: "Professional advisers and corporate counterparties: lawyers, auditors, insurers, banks, investors, acquirers and advisers, where reasonably necessary." },
        { kind: "p", text: "Authorities and third parties where required by law: courts, regulators, tax authorities, law enforcement or other parties where required to comply with law or to protect rights, safety or security." },
        { kind: "p", text: "Business transfers: in connection with an actual or proposed merger, acquisition, financing, reorganization, sale of assets or similar transaction, subject to appropriate confidentiality protections." },
      ],
    },
    {
      id: "international-transfers",
      heading: "11. International data transfers",
      blocks: [
        {
          kind: "p",
          text: "Some of our service providers or integration partners may process personal data outside the European Economic Area. Where personal data are transferred outside the EEA, we will rely on an appropriate safeguard, such as:",
        },
        {
          kind: "ul",
          items: ["an adequacy decision;", "the European Commission's Standard Contractual Clauses;", "the EU-U.S. Data Privacy Framework, where applicable; or", "another valid transfer mechanism recognized under applicable law."],
        },
        { kind: "p", text: "You may contact us at {{privacyEmail}} to request more information about the safeguards we rely on for relevant transfers." },
      ],
    },
    {
      id: "retention",
      heading: "12. Data retention",
      blocks: [
        {
          kind: "p",
          text: "We retain personal data for no longer than necessary for the purposes described in this Privacy Policy, unless a longer retention period is required or permitted by law. Retention periods vary depending on the category of data and the purpose of processing. By way of example:",
        },
        {
          kind: "ul",
          items: [
            "account and subscription records: for the life of the account and for a reasonable period afterward;",
            "billing, tax and accounting records: for the period required by applicable law;",
            "security and audit logs: for as long as reasonably necessary for security, fraud prevention, abuse handling and legal defense;",
            "support correspondence: for as long as reasonably necessary to manage the support relationship and protect against disputes;",
            "marketing data: until you opt out or the data are no longer needed;",
            "customer workspace data in the control plane: until account closure and then according to our deletion and retention schedule;",
            "customer end-user data on dedicated infrastructure: according to the customer's configuration and the product's deprovisioning and deletion workflow.",
          ],
        },
        {
          kind: "p",
          text: "Following workspace deprovisioning, customer data stored on the dedicated infrastructure are intended to be destroyed, while certain control-plane records may be retained for limited periods for legal, audit and security reasons.",
        },
      ],
    },
    {
      id: "security",
      heading: "13. Security",
      blocks: [
        {
          kind: "p",
          text: "We take appropriate technical and organizational measures designed to protect personal data against accidental or unlawful destruction, loss, alteration, unauthorized disclosure or unauthorized access. These measures may include, as appropriate:",
        },
        {
          kind: "ul",
          items: [
            "encryption in transit;",
            "encryption at rest where applicable;",
            "role-based access controls;",
            "audit logging;",
            "secret redaction in logs;",
            "session controls;",
            "network security controls;",
            "provider due diligence; and",
            "incident response procedures.",
          ],
        },
        { kind: "p", text: "No method of transmission or storage is completely secure, and we cannot guarantee absolute security." },
      ],
    },
    {
      id: "your-rights",
      heading: "14. Your rights",
      blocks: [
        { kind: "p", text: "Depending on your location and the circumstances, you may have the right to:" },
        {
          kind: "ul",
          items: [
            "request access to your personal data;",
            "request correction of inaccurate or incomplete data;",
            "request deletion of your personal data;",
            "request restriction of processing;",
            "object to processing based on legitimate interests;",
            "receive a copy of certain data in a portable format;",
            "withdraw consent at any time, where processing is based on consent; and",
            "lodge a complaint with a supervisory authority.",
          ],
        },
        { kind: "p", text: "To exercise your rights, use the request form in this Privacy Center or contact us at {{privacyEmail}}. We may need to verify your identity before responding." },
        { kind: "p", text: "If you are located in France, you may also lodge a complaint with the CNIL. If you are located elsewhere in the EEA or the UK, you may contact your local supervisory authority." },
      ],
    },
    {
      id: "marketing",
      heading: "15. Marketing communications",
      blocks: [
        {
          kind: "p",
          text: "Where we send marketing communications, we will do so in accordance with applicable law. You can opt out of non-essential marketing emails at any time by using the unsubscribe link in the email or by contacting us at {{privacyEmail}}.",
        },
        { kind: "p", text: "You may still receive transactional or service-related communications, such as account, billing, security, support or legal notices." },
      ],
    },
    {
      id: "children",
      heading: "16. Children",
      blocks: [
        {
          kind: "p",
          text: "The Service is not directed to children, and we do not knowingly collect personal data from children. If you believe a child has provided personal data to us, contact us at {{privacyEmail}} and we will take appropriate steps.",
        },
      ],
    },
    {
      id: "changes",
      heading: "17. Changes to this Privacy Policy",
      blocks: [
        {
          kind: "p",
          text: 'We may update this Privacy Policy from time to time to reflect changes in the Service, applicable law or our processing practices. When we do, we will update the "Last updated" date above. If changes are material, we may provide additional notice through the Service or by email where appropriate.',
        },
      ],
    },
    {
      id: "contact",
      heading: "18. Contact us",
      blocks: [
        {
          kind: "ul",
          items: ["{{legalName}}", "{{registeredAddress}}", "Email: {{privacyEmail}}", "Support: {{supportEmail}}", "DPO / privacy contact: {{dpoEmail}}"],
        },
      ],
    },
    {
      id: "product-addendum",
      heading: "Schedule 1: Product-specific disclosure addendum",
      blocks: [
        {
          kind: "p",
          text: "Dedicated infrastructure model: each customer workspace is designed to be provisioned on dedicated infrastructure managed by us. This helps isolate customer workloads and operational data.",
        },
        {
          kind: "p",
          text: "Localized conversation storage model: conversation content is intended to remain on the customer's dedicated infrastructure; the control plane stores metadata rather than message content; and data export is generated from the customer environment and made available to the customer via a time-limited link.",
        },
        {
          kind: "p",
          text: "Channel and AI-provider integrations: customers may choose to integrate third-party providers such as Telegram, WhatsApp, OpenAI or Anthropic. When those integrations are enabled, relevant data and metadata may be exchanged with those providers in accordance with the customer's configuration and the provider's own policies.",
        },
        { kind: "p", text: "Authentication methods: the platform supports email magic-link authentication and OAuth sign-in through third-party identity providers such as Google, GitHub and Apple." },
        { kind: "p", text: "Payment processing: payments are handled by Stripe-hosted checkout and billing tooling. We do not store raw payment card details in the application." },
      ],
    },
    {
      id: "subprocessors",
      heading: "Schedule 2: Subprocessors and infrastructure partners",
      blocks: [
        { kind: "p", text: "Our current subprocessors and infrastructure partners are:" },
        {
          kind: "ul",
          items: ["OVHcloud: infrastructure hosting", "Cloudflare: DNS and networking", "Stripe: payments and subscription billing", "Postmark: transactional email", "Google, GitHub and Apple: OAuth identity services"],
        },
        { kind: "p", text: "We may update our service providers from time to time. Where required by law or contract, we will provide notice of material subprocessor changes." },
      ],
    },
  ],
};

export const agentPlatform: OperatorSeed = {
  key: "agent-platform",
  name: "Larkspur Agents",
  organization: {
    legalName: "Larkspur Agents SAS",
    productName: "Larkspur",
    websiteUrl: "https://larkspur.example.com",
    privacyEmail: "privacy@larkspur.example.com",
    supportEmail: "support@larkspur.example.com",
    dpoName: "Camille Roussel (fictional demo privacy contact)",
    dpoEmail: "dpo@larkspur.example.com",
    // Established in the EU (France): no EU representative to appoint; none in the UK either.
    euRepresentative: null,
    ukRepresentative: null,
    registeredAddress: "Larkspur Agents SAS (fictional demo operator), 12 rue de l'Exemple, 75002 Paris, France",
    companyNumber: "RCS Paris 000 000 000 (fictional)",
    timeZone: "Europe/Paris",
  },
  policyVersions: [policy],
  // The rights its policy names (section 14); it sells or shares nothing, and names no opt-out.
  offeredRequestTypes: ["ACCESS", "DELETION", "PORTABILITY", "OBJECTION", "CORRECTION", "RESTRICTION", "WITHDRAW_CONSENT"],
  // Its customers control their end users' conversations (section 4): requests about them are referred.
  customers: [
    {
      legalName: "Bramble & Finch Ltd (fictional)",
      privacyEmails: ["privacy@bramble-finch.example.com"],
      language: "en",
      dpaReference: "DPA-2026-003 (Bramble & Finch Ltd, signed 2026-01-20)",
      workspaces: [{ name: "Bramble & Finch Concierge", slug: "bramble-finch", domains: ["bramble-finch.example.com"] }],
    },
  ],
};
