import type { PolicySection } from "@/lib/policy/content";
import { currentInBrazilianPortuguese, currentInGerman, type PolicyTranslationSeed } from "./policy-translations";

// Jexi's published privacy policies, written for this portal. {{placeholders}} are filled from
// OrganizationSettings when the page renders, so an admin's edit to the address shows at once.

export type PolicyVersionSeed = {
  version: string;
  title: string;
  summary: string;
  /** Calendar dates, YYYY-MM-DD. */
  effectiveAt: string;
  updatedAt: string;
  sections: PolicySection[];
  /** Published translations (the version itself is English). */
  translations?: PolicyTranslationSeed[];
};

const earlier: PolicyVersionSeed = {
  version: "2025-09-01",
  title: "Privacy Policy",
  summary: "How {{legalName}} handles personal information in connection with {{productName}}, and how to reach us about it.",
  effectiveAt: "2025-09-01",
  updatedAt: "2025-09-01",
  sections: [
    {
      id: "who-we-are",
      heading: "About this policy",
      blocks: [
        {
          kind: "p",
          text: "{{legalName}} provides {{productName}}, software that helps businesses run customer support with AI-assisted replies and translation. This policy applies to our website at {{websiteUrl}}, our pilot programme and the {{productName}} service.",
        },
      ],
    },
    {
      id: "our-role",
      heading: "Our role",
      blocks: [
        {
          kind: "p",
          text: "We decide how we use information about our business contacts, website visitors and account holders. For the content customers upload to {{productName}}, we act on the customer's instructions, and questions about that content should go to the customer.",
        },
      ],
    },
    {
      id: "information-we-collect",
      heading: "Information we collect",
      blocks: [
        {
          kind: "ul",
          items: [
            "Contact and account details, such as your name, work email, company and sign-in details.",
            "Content our customers put into {{productName}}, such as support conversations and help articles.",
            "Technical data, such as IP address, browser type, pages visited and error reports.",
            "Billing details, such as plan, invoices and payment status.",
          ],
        },
      ],
    },
    {
      id: "how-we-use-information",
      heading: "How we use information",
      blocks: [
        {
          kind: "ul",
          items: [
            "To provide {{productName}}, including AI-generated reply drafts and translations.",
            "To keep the service secure and fix problems.",
            "To send service and billing messages and answer your questions.",
            "To improve the service using usage statistics.",
          ],
        },
      ],
    },
    {
      id: "sharing",
      heading: "Sharing information",
      blocks: [
        {
          kind: "p",
          text: "We share information with the service providers that host and run {{productName}}, including AI model providers, with the tools a customer connects, with our professional advisers, and with authorities where the law requires it. We do not sell personal information.",
        },
      ],
    },
    {
      id: "international-transfers",
      heading: "International transfers",
      blocks: [
        {
          kind: "p",
          text: "Our providers may process information outside the country where it was collected. Where the law requires, we protect those transfers with standard contractual clauses or another lawful mechanism.",
        },
      ],
    },
    {
      id: "retention",
      heading: "How long we keep information",
      blocks: [
        {
          kind: "table",
          caption: "Retention periods",
          head: ["Information", "How long we keep it"],
          rows: [
            ["Account details", "For the life of the account, then 90 days"],
            ["Support correspondence", "3 years"],
            ["Security logs", "12 months"],
            ["Billing records", "As long as tax law requires"],
          ],
        },
      ],
    },
    {
      id: "security",
      heading: "Security",
      blocks: [
        {
          kind: "p",
          text: "We use encryption, access controls and monitoring to protect information, and we review these measures regularly. No system is perfectly secure.",
        },
      ],
    },
    {
      id: "your-rights",
      heading: "Your rights",
      blocks: [
        {
          kind: "p",
          text: "Depending on where you live, you may be able to ask us for access to your information, to correct or delete it, to restrict or object to how we use it, or for a copy in a portable format. You can also complain to a data protection regulator.",
        },
        {
          kind: "p",
          text: "To make a request, email {{privacyEmail}}. We may ask you to confirm your identity before we act, and we reply within the time the law requires.",
        },
      ],
    },
    {
      id: "children",
      heading: "Children",
      blocks: [
        {
          kind: "p",
          text: "{{productName}} is a business service and is not directed to children.",
        },
      ],
    },
    {
      id: "changes",
      heading: "Changes to this policy",
      blocks: [
        {
          kind: "p",
          text: "We may update this policy. The date at the top shows when it last changed.",
        },
      ],
    },
    {
      id: "contact",
      heading: "Contact us",
      blocks: [
        {
          kind: "p",
          text: "Questions about this policy: {{privacyEmail}}. Post: {{registeredAddress}}.",
        },
      ],
    },
  ],
};

const current: PolicyVersionSeed = {
  version: "2026-05-21",
  title: "Privacy Policy",
  summary:
    "How {{legalName}} collects, uses and protects personal information when you use {{productName}}, visit our website or contact us, and how to exercise your privacy rights.",
  effectiveAt: "2026-05-21",
  updatedAt: "2026-05-21",
  sections: [
    {
      id: "who-we-are",
      heading: "Who we are and what this policy covers",
      blocks: [
        {
          kind: "p",
          text: '{{legalName}} ("we", "us", "our") provides {{productName}}, a platform that helps businesses answer their own customers with AI-assisted replies, translation, conversation summaries and automated support workflows.',
        },
        {
          kind: "p",
          text: "This policy explains how we handle personal information when you visit {{websiteUrl}}, ask about or sign up for {{productName}}, use it as a member of a customer's team, write to us, or send a request through this Privacy Center. Where a signed agreement with a customer says something different about the data it covers, the agreement applies.",
        },
        {
          kind: "p",
          text: "It does not cover websites or services that others run, including the support channels our customers operate with {{productName}}: their own privacy notices apply there.",
        },
      ],
    },
    {
      id: "our-role",
      heading: "Our role: controller or processor",
      blocks: [
        {
          kind: "p",
          text: 'Privacy laws distinguish the organization that decides why and how personal information is used (the "controller", or "business" under US state laws) from one that handles it on that organization\'s behalf (the "processor", or "service provider").',
        },
        {
          kind: "ul",
          items: [
            "We are the controller of information about our customers' staff and contacts, visitors to our website, people who write to us, account and billing records, security logs, and the privacy requests sent to us.",
            "We are a processor for what our customers put into their {{productName}} workspaces: their own customers' tickets, chats and emails, their help articles, drafts and workflow data. The customer decides what goes in, how long it stays and who sees it, and we act only on its documented instructions.",
          ],
        },
        {
          kind: "p",
          text: "So if you contacted a company's support team and that company uses {{productName}}, that company controls your conversation. When a request we receive concerns workspace content, we tell you which company is responsible, pass your request to its privacy contact and help it answer. We do not change that content without the customer's instruction, because doing so could harm you or the customer, for example by deleting records the customer must keep.",
        },
      ],
    },
    {
      id: "information-we-collect",
      heading: "Information we collect",
      blocks: [
        { kind: "p", text: "What we collect depends on how you deal with us:" },
        {
          kind: "ul",
          items: [
            "Account and contact details: name, work email address, company, job title, sign-in details and the preferences you choose.",
            "Workspace content, which we process for our customers: messages, tickets and email threads, attachments, drafts, translations, summaries, help articles, tone-of-voice examples and workflow settings.",
            "Integration data: information from tools a customer chooses to connect, such as a mailbox, help desk, CRM or billing system, limited to what its workflows need.",
            "Technical and usage data: IP address, browser and device type, pages and features used, timestamps, error reports and security signals.",
            "Billing and business records: plan, invoices, payment status and contract documents. Card numbers go to our payment provider; we never see or store them.",
            "Communications: what you write to us by email, form or chat, and our replies.",
            "Privacy requests: your name, email address, the country you live in, what you ask for, and the record of how we handled it.",
          ],
        },
        {
          kind: "p",
          text: "Most of this comes from you or from the customer that invited you. Some comes from the tools a customer connects and from our own systems as you use them. We do not buy personal information from data brokers.",
        },
      ],
    },
    {
      id: "how-we-use-information",
      heading: "How we use information",
      blocks: [
        {
          kind: "ul",
          items: [
            "To run {{productName}}: host workspaces, draft and translate replies, summarize conversations, keep customer context and carry out the workflows a customer sets up.",
            "To operate the integrations a customer connects, within the permissions it grants.",
            "To keep the service and its users safe: detect abuse and fraud, investigate incidents and fix faults.",
            "To support our customers and answer questions, including privacy requests.",
            "To send service messages such as onboarding emails, security alerts, changes to our terms and invoices. We send product news only where the law allows, and every such email has an unsubscribe link.",
            "To understand and improve how {{productName}} performs, using usage statistics and feedback, aggregated or de-identified where we can.",
            "To meet legal duties, such as keeping tax records and answering lawful requests, and to establish or defend legal claims.",
          ],
        },
        {
          kind: "p",
          text: "We do not sell personal information, we do not share it for cross-context behavioural advertising, and we do not use it to make decisions about people that have legal or similarly significant effects on them.",
        },
      ],
    },
    {
      id: "legal-bases",
      heading: "Legal bases for processing",
      blocks: [
        {
          kind: "p",
          text: "Where the GDPR or the UK GDPR applies, we rely on the legal bases below for the information we control. For workspace content, the customer chooses the legal basis as controller.",
        },
        {
          kind: "table",
          caption: "What we use information for, and the legal basis for each use",
          head: ["Purpose", "Legal basis"],
          rows: [
            ["Providing the service to customers and their teams", "Performing our contract with the customer, or taking steps you ask for before one"],
            ["Security, fraud prevention and fixing faults", "Our legitimate interest in a safe, working service"],
            ["Service messages and support", "Performing our contract, and our legitimate interest in answering people who contact us"],
            ["Improving the service with usage statistics", "Our legitimate interest in a better product, weighed against your interests"],
            ["Product news and marketing emails", "Your consent where the law requires it; otherwise our legitimate interest, which you can object to at any time"],
            ["Handling privacy requests and keeping records of them", "Legal obligation"],
            ["Tax, accounting and answering authorities", "Legal obligation"],
          ],
        },
        {
          kind: "p",
          text: "Where we rely on legitimate interests you may object, and where we rely on consent you may withdraw it at any time. Withdrawing consent does not affect what we did before.",
        },
      ],
    },
    {
      id: "ai-processing",
      heading: "How our AI features use data",
      blocks: [
        {
          kind: "p",
          text: "{{productName}} uses large language models and other machine-learning systems to draft replies, translate, summarize, sort incoming messages and suggest next steps. Each customer decides which suggestions its team reviews before they are sent and which actions may run on their own.",
        },
        {
          kind: "ul",
          items: [
            "Workspace content goes to AI model providers only to produce the output a customer asked for. Our contracts with them forbid keeping it longer than needed to answer, and forbid training their models on it.",
            "We do not use workspace content to train or fine-tune AI models, ours or anyone else's, unless the customer opts in in writing. The customer can withdraw that opt-in at any time.",
            "We may use statistics and feedback that reveal no workspace content, such as how often a suggested reply was accepted, to improve quality.",
            "AI output can be wrong or incomplete. Customers remain responsible for what they send to their own customers, and we give their teams the tools to review it first.",
          ],
        },
        {
          kind: "p",
          text: "If you are a customer's end user and object to AI being used on your conversation, tell that customer; we will help it act on your objection.",
        },
      ],
    },
    {
      id: "sharing",
      heading: "Who we share information with",
      blocks: [
        {
          kind: "p",
          text: "We share personal information only as described here. Service providers receive it under written contracts that let them use it only to provide their services to us.",
        },
        {
          kind: "ul",
          items: [
            "Subprocessors that host, secure and run {{productName}}: cloud infrastructure, AI model providers, email delivery, error monitoring and support tooling.",
            "Third-party tools a customer connects, when a workflow the customer configured sends data to them.",
            "Professional advisers, auditors, insurers and banks, under a duty of confidentiality.",
            "Courts, regulators, law enforcement or others, when the law requires it or to protect someone's safety or rights. We resist requests that go too far and, where we are allowed to, tell the customer concerned.",
            "A buyer, investor or successor in a merger, acquisition, financing or sale of assets, who must keep to this policy.",
          ],
        },
        {
          kind: "p",
          text: "Customers can ask {{privacyEmail}} for our current list of subprocessors. We tell customers before we add a new one, as our data processing agreement provides.",
        },
      ],
    },
    {
      id: "international-transfers",
      heading: "International transfers",
      blocks: [
        {
          kind: "p",
          text: "We and our subprocessors work in more than one country, so your information may be handled outside the country where you live, including in the United States.",
        },
        {
          kind: "p",
          text: "When information leaves the European Economic Area, the United Kingdom or Switzerland, we rely on an adequacy decision where there is one (including the EU-US Data Privacy Framework for certified recipients), or on the European Commission's standard contractual clauses with the UK addendum, after assessing the recipient's safeguards. You can ask {{privacyEmail}} for a copy of the safeguards that apply.",
        },
      ],
    },
    {
      id: "retention",
      heading: "How long we keep information",
      blocks: [
        {
          kind: "p",
          text: "We keep information only while we need it for the purposes in this policy, then delete it or make it anonymous. Deleted data leaves our backups as they are overwritten, within 35 days.",
        },
        {
          kind: "table",
          caption: "How long we keep each kind of information",
          head: ["Information", "How long we keep it"],
          rows: [
            ["Account and business contact details", "For the life of the account, then 30 days"],
            ["Workspace content", "As the customer sets it; deleted within 30 days after the customer's contract ends"],
            ["Support communications with us", "3 years after the last message"],
            ["Security and access logs", "12 months"],
            ["Website and product usage data", "13 months, then kept only in aggregate"],
            ["Billing and tax records", "As long as tax and accounting law requires, usually 6 to 10 years"],
            ["Records of privacy requests", "24 months after the request is closed"],
            ["Details of a privacy request whose email address is never confirmed", "Erased 7 days after the request was sent"],
          ],
        },
        {
          kind: "p",
          text: "We keep information longer only when the law requires it or while it is needed for a legal claim, and then only for that purpose.",
        },
      ],
    },
    {
      id: "security",
      heading: "Security",
      blocks: [
        { kind: "p", text: "We protect personal information with measures that fit the risk, including:" },
        {
          kind: "ul",
          items: [
            "Encryption in transit and at rest.",
            "Separation of each customer's workspace data from every other customer's.",
            "Staff access on a need-to-know basis, with multi-factor sign-in and a log of what they do.",
            "Secrets such as access tokens stored only in encrypted form and kept out of logs.",
            "Regular testing, vulnerability scanning and reviews of our suppliers.",
            "A written incident response plan, under which we notify customers, regulators and affected people as the law requires.",
          ],
        },
        {
          kind: "p",
          text: "No system is perfectly secure. If you think you have found a security problem, please write to {{supportEmail}}.",
        },
      ],
    },
    {
      id: "your-rights",
      heading: "Your privacy rights",
      blocks: [
        {
          kind: "p",
          text: "Depending on where you live, the law gives you some or all of the rights below over the information we hold as controller. We honour them for everyone, wherever you live, within the limits the law sets.",
        },
        {
          kind: "ul",
          items: [
            "Access: find out whether we hold information about you, get a copy, and learn how we use it.",
            "Correction: have inaccurate or incomplete information fixed.",
            "Deletion: have information erased, unless we must keep it, for example under tax law or to defend a legal claim.",
            "Export: receive the information you gave us in a structured, machine-readable file, or have it sent to another organization where that is technically possible.",
            "Restriction: have us stop using information, other than storing it, while a concern such as its accuracy is checked.",
            "Objection: object to uses based on our legitimate interests, and to direct marketing at any time.",
            "Opting out of sale or sharing: we do not sell or share personal information as California and other US state laws define those terms, but you can still opt out and we will record it.",
            "Withdrawing consent: where we rely on your consent, withdraw it at any time.",
            "Appeal: if we turn down your request, ask us to reconsider. Someone who did not make the first decision reviews it, and we answer within 60 days or sooner where the law requires.",
            "Complaint: contact a data protection regulator, such as the authority where you live or work in the European Union, the Information Commissioner's Office in the UK, or the California Privacy Protection Agency or your state attorney general in the United States.",
          ],
        },
        {
          kind: "p",
          text: "We will not refuse you service, charge you more or give you a lower quality of service because you used these rights. For information inside a customer's workspace, the customer decides on your request, as explained in the section on our role.",
        },
      ],
    },
    {
      id: "making-a-request",
      heading: "How to make a request and how we verify it",
      blocks: [
        {
          kind: "p",
          text: "Use the request form in the Privacy Center on this website, or email {{privacyEmail}}. You do not need an account with us, and there is no fee.",
        },
        {
          kind: "ul",
          items: [
            "We send a 6-digit code to the email address you give. Enter it, or follow the link in the same email, to confirm the address is yours. The code works for a short time only, and you can ask for a new one.",
            "If the address is not confirmed within 7 days, we close the request and erase what you sent.",
            "For some requests, such as a copy of specific information or the deletion of sensitive information, we may ask for one or two further details we already hold, to be sure it is you. We ask for no more than we need, and we never check a correction against the very data you say is wrong.",
            "A request to opt out of sale or sharing needs no verification.",
            "Someone you authorize can make a request for you. We will ask for your signed permission and may ask you to confirm the request yourself.",
            "Every email we send about your request includes a private link to a page that shows its status.",
          ],
        },
        {
          kind: "p",
          text: "We answer within the time the law allows: one month under the GDPR and the UK GDPR, and 45 days under the California Consumer Privacy Act and similar US state laws. If a request is complex, or we receive many at once, we may extend this by up to two more months under the GDPR and UK GDPR, or by 45 more days under US state laws. If we do, we tell you why before the first deadline passes.",
        },
        {
          kind: "p",
          text: "If we cannot do what you asked, we explain why and tell you how to appeal or complain.",
        },
      ],
    },
    {
      id: "children-and-sensitive-data",
      heading: "Children and sensitive information",
      blocks: [
        {
          kind: "p",
          text: "{{productName}} is a service for businesses and is not meant for children. We do not knowingly collect information from anyone under 16. If you think a child has given us personal information, write to {{privacyEmail}} and we will delete it.",
        },
        {
          kind: "p",
          text: "Customers agree not to put special categories of data (such as health, religious beliefs or sexual orientation), payment card numbers, government identity numbers or children's data into {{productName}} unless their agreement with us covers it and their configuration protects it. We do not use sensitive information to infer anything about anyone.",
        },
      ],
    },
    {
      id: "changes",
      heading: "Changes to this policy",
      blocks: [
        {
          kind: "p",
          text: "We update this policy when our service, our suppliers or the law change. Every version keeps its own date and its own permanent web address, so you can compare them. If a change affects how we use your information, we tell customers by email or in {{productName}} at least 30 days before it takes effect.",
        },
      ],
    },
    {
      id: "contact",
      heading: "Contact us",
      blocks: [
        {
          kind: "p",
          text: "For questions about this policy or your information, or to make a complaint, contact us:",
        },
        {
          kind: "ul",
          items: [
            "Privacy team: {{privacyEmail}}",
            "Data protection officer: {{dpoName}}, {{dpoEmail}}",
            "Representative in the European Union: {{euRepresentative}}",
            "Representative in the United Kingdom: {{ukRepresentative}}",
            "Post: {{registeredAddress}}",
          ],
        },
      ],
    },
  ],
  translations: [currentInGerman, currentInBrazilianPortuguese],
};

/** Oldest first. Published versions are never edited: a change is a new version. */
export const policyVersions: PolicyVersionSeed[] = [earlier, current];
