import type { PolicySection } from "@/lib/policy/content";

// Jexi's current policy in other languages, translated from the English version 2026-05-21 with
// the same sections and anchors (so /de/privacy#your-rights works) and the same {{placeholders}}.
// Published translations are frozen like versions: a change is a new version, translated again.

export type PolicyTranslationSeed = {
  /** A language of lib/i18n/locales.ts other than the version's own. */
  language: string;
  title: string;
  summary: string;
  sections: PolicySection[];
};

export const currentInGerman: PolicyTranslationSeed = {
  language: "de",
  title: "Datenschutzerklärung",
  summary:
    "Wie {{legalName}} personenbezogene Daten erhebt, verwendet und schützt, wenn Sie {{productName}} nutzen, unsere Website besuchen oder uns kontaktieren, und wie Sie Ihre Datenschutzrechte ausüben.",
  sections: [
    {
      id: "who-we-are",
      heading: "Wer wir sind und wofür diese Erklärung gilt",
      blocks: [
        {
          kind: "p",
          text: "{{legalName}} („wir“, „uns“, „unser“) stellt {{productName}} bereit, eine Plattform, mit der Unternehmen ihren eigenen Kundinnen und Kunden mit KI-gestützten Antworten, Übersetzungen, Gesprächszusammenfassungen und automatisierten Support-Abläufen antworten.",
        },
        {
          kind: "p",
          text: "Diese Erklärung beschreibt, wie wir mit personenbezogenen Daten umgehen, wenn Sie {{websiteUrl}} besuchen, sich nach {{productName}} erkundigen oder sich dafür registrieren, es als Mitglied des Teams eines Kunden nutzen, uns schreiben oder über dieses Privacy Center eine Anfrage stellen. Wo ein unterzeichneter Vertrag mit einem Kunden für die davon erfassten Daten etwas anderes bestimmt, gilt der Vertrag.",
        },
        {
          kind: "p",
          text: "Sie gilt nicht für Websites oder Dienste, die andere betreiben, auch nicht für die Support-Kanäle, die unsere Kunden mit {{productName}} betreiben: Dort gelten deren eigene Datenschutzhinweise.",
        },
      ],
    },
    {
      id: "our-role",
      heading: "Unsere Rolle: Verantwortlicher oder Auftragsverarbeiter",
      blocks: [
        {
          kind: "p",
          text: "Datenschutzgesetze unterscheiden zwischen der Organisation, die entscheidet, warum und wie personenbezogene Daten verwendet werden (der „Verantwortliche“, nach US-Bundesstaatenrecht das „business“), und einer Organisation, die sie im Auftrag dieser Organisation verarbeitet (der „Auftragsverarbeiter“ oder „service provider“).",
        },
        {
          kind: "ul",
          items: [
            "Wir sind Verantwortlicher für Daten über die Mitarbeitenden und Kontaktpersonen unserer Kunden, Besucher unserer Website, Personen, die uns schreiben, Konto- und Abrechnungsunterlagen, Sicherheitsprotokolle und die an uns gerichteten Datenschutzanfragen.",
            "Wir sind Auftragsverarbeiter für das, was unsere Kunden in ihre {{productName}}-Workspaces einstellen: die Tickets, Chats und E-Mails ihrer eigenen Kundinnen und Kunden, ihre Hilfeartikel, Entwürfe und Ablaufdaten. Der Kunde entscheidet, was hineinkommt, wie lange es bleibt und wer es sieht, und wir handeln nur auf seine dokumentierte Weisung.",
          ],
        },
        {
          kind: "p",
          text: "Wenn Sie also das Support-Team eines Unternehmens kontaktiert haben, das {{productName}} nutzt, ist dieses Unternehmen für Ihr Gespräch verantwortlich. Betrifft eine bei uns eingehende Anfrage Inhalte eines Workspaces, teilen wir Ihnen mit, welches Unternehmen verantwortlich ist, leiten Ihre Anfrage an dessen Datenschutzkontakt weiter und helfen ihm bei der Antwort. Wir ändern diese Inhalte nicht ohne Weisung des Kunden, weil das Ihnen oder dem Kunden schaden könnte, etwa durch das Löschen von Unterlagen, die der Kunde aufbewahren muss.",
        },
      ],
    },
    {
      id: "information-we-collect",
      heading: "Welche Daten wir erheben",
      blocks: [
        { kind: "p", text: "Was wir erheben, hängt davon ab, wie Sie mit uns zu tun haben:" },
        {
          kind: "ul",
          items: [
            "Konto- und Kontaktdaten: Name, geschäftliche E-Mail-Adresse, Unternehmen, Position, Anmeldedaten und die von Ihnen gewählten Einstellungen.",
            "Workspace-Inhalte, die wir für unsere Kunden verarbeiten: Nachrichten, Tickets und E-Mail-Verläufe, Anhänge, Entwürfe, Übersetzungen, Zusammenfassungen, Hilfeartikel, Beispiele für den Tonfall und Ablaufeinstellungen.",
            "Integrationsdaten: Daten aus Werkzeugen, die ein Kunde anbindet, etwa ein Postfach, ein Helpdesk, ein CRM oder ein Abrechnungssystem, beschränkt auf das, was seine Abläufe benötigen.",
            "Technische und Nutzungsdaten: IP-Adresse, Browser- und Gerätetyp, genutzte Seiten und Funktionen, Zeitstempel, Fehlerberichte und Sicherheitssignale.",
            "Abrechnungs- und Geschäftsunterlagen: Tarif, Rechnungen, Zahlungsstatus und Vertragsdokumente. Kartennummern gehen an unseren Zahlungsdienstleister; wir sehen oder speichern sie nie.",
            "Kommunikation: was Sie uns per E-Mail, Formular oder Chat schreiben, und unsere Antworten.",
            "Datenschutzanfragen: Ihr Name, Ihre E-Mail-Adresse, das Land, in dem Sie leben, Ihr Anliegen und die Aufzeichnung, wie wir es bearbeitet haben.",
          ],
        },
        {
          kind: "p",
          text: "Das meiste davon stammt von Ihnen oder von dem Kunden, der Sie eingeladen hat. Manches stammt aus den Werkzeugen, die ein Kunde anbindet, und aus unseren eigenen Systemen, während Sie sie nutzen. Wir kaufen keine personenbezogenen Daten von Datenhändlern.",
        },
      ],
    },
    {
      id: "how-we-use-information",
      heading: "Wie wir Daten verwenden",
      blocks: [
        {
          kind: "ul",
          items: [
            "Um {{productName}} zu betreiben: Workspaces bereitstellen, Antworten entwerfen und übersetzen, Gespräche zusammenfassen, den Kundenkontext bewahren und die Abläufe ausführen, die ein Kunde einrichtet.",
            "Um die Integrationen zu betreiben, die ein Kunde anbindet, im Rahmen der von ihm erteilten Berechtigungen.",
            "Um den Dienst und seine Nutzer zu schützen: Missbrauch und Betrug erkennen, Vorfälle untersuchen und Fehler beheben.",
            "Um unsere Kunden zu unterstützen und Fragen zu beantworten, auch Datenschutzanfragen.",
            "Um Servicenachrichten zu senden, etwa Onboarding-E-Mails, Sicherheitswarnungen, Änderungen unserer Bedingungen und Rechnungen. Produktneuigkeiten senden wir nur, wo das Gesetz es erlaubt, und jede solche E-Mail enthält einen Abmeldelink.",
            "Um zu verstehen und zu verbessern, wie {{productName}} funktioniert, anhand von Nutzungsstatistiken und Rückmeldungen, wo möglich zusammengefasst oder anonymisiert.",
            "Um gesetzliche Pflichten zu erfüllen, etwa Steuerunterlagen aufzubewahren und rechtmäßige Anfragen zu beantworten, und um Rechtsansprüche geltend zu machen oder abzuwehren.",
          ],
        },
        {
          kind: "p",
          text: "Wir verkaufen keine personenbezogenen Daten, wir geben sie nicht für kontextübergreifende verhaltensbasierte Werbung weiter, und wir verwenden sie nicht für Entscheidungen über Menschen, die ihnen gegenüber rechtliche Wirkung entfalten oder sie in ähnlicher Weise erheblich beeinträchtigen.",
        },
      ],
    },
    {
      id: "legal-bases",
      heading: "Rechtsgrundlagen der Verarbeitung",
      blocks: [
        {
          kind: "p",
          text: "Wo die DSGVO oder die UK GDPR gilt, stützen wir uns für die Daten, für die wir verantwortlich sind, auf die folgenden Rechtsgrundlagen. Für Workspace-Inhalte wählt der Kunde als Verantwortlicher die Rechtsgrundlage.",
        },
        {
          kind: "table",
          caption: "Wofür wir Daten verwenden und die Rechtsgrundlage für jede Verwendung",
          head: ["Zweck", "Rechtsgrundlage"],
          rows: [
            ["Erbringung des Dienstes für Kunden und ihre Teams", "Erfüllung unseres Vertrags mit dem Kunden oder Durchführung vorvertraglicher Maßnahmen auf Ihre Anfrage"],
            ["Sicherheit, Betrugsprävention und Fehlerbehebung", "Unser berechtigtes Interesse an einem sicheren, funktionierenden Dienst"],
            ["Servicenachrichten und Support", "Erfüllung unseres Vertrags und unser berechtigtes Interesse, Personen zu antworten, die uns kontaktieren"],
            ["Verbesserung des Dienstes anhand von Nutzungsstatistiken", "Unser berechtigtes Interesse an einem besseren Produkt, abgewogen gegen Ihre Interessen"],
            ["Produktneuigkeiten und Marketing-E-Mails", "Ihre Einwilligung, wo das Gesetz sie verlangt; andernfalls unser berechtigtes Interesse, dem Sie jederzeit widersprechen können"],
            ["Bearbeitung von Datenschutzanfragen und deren Dokumentation", "Rechtliche Verpflichtung"],
            ["Steuern, Buchhaltung und Auskünfte an Behörden", "Rechtliche Verpflichtung"],
          ],
        },
        {
          kind: "p",
          text: "Wo wir uns auf berechtigte Interessen stützen, können Sie widersprechen, und wo wir uns auf eine Einwilligung stützen, können Sie diese jederzeit widerrufen. Der Widerruf berührt nicht, was wir zuvor getan haben.",
        },
      ],
    },
    {
      id: "ai-processing",
      heading: "Wie unsere KI-Funktionen Daten verwenden",
      blocks: [
        {
          kind: "p",
          text: "{{productName}} verwendet große Sprachmodelle und andere Systeme des maschinellen Lernens, um Antworten zu entwerfen, zu übersetzen, zusammenzufassen, eingehende Nachrichten zu sortieren und nächste Schritte vorzuschlagen. Jeder Kunde entscheidet, welche Vorschläge sein Team vor dem Versand prüft und welche Aktionen selbstständig ablaufen dürfen.",
        },
        {
          kind: "ul",
          items: [
            "Workspace-Inhalte gehen an Anbieter von KI-Modellen nur, um das Ergebnis zu erzeugen, das ein Kunde angefordert hat. Unsere Verträge mit ihnen verbieten, sie länger als für die Antwort nötig aufzubewahren, und verbieten, ihre Modelle damit zu trainieren.",
            "Wir verwenden Workspace-Inhalte nicht, um KI-Modelle zu trainieren oder feinabzustimmen, weder unsere noch die anderer, es sei denn, der Kunde willigt schriftlich ein. Der Kunde kann diese Einwilligung jederzeit widerrufen.",
            "Wir können Statistiken und Rückmeldungen, die keine Workspace-Inhalte offenlegen, etwa wie oft eine vorgeschlagene Antwort übernommen wurde, zur Verbesserung der Qualität verwenden.",
            "KI-Ergebnisse können falsch oder unvollständig sein. Die Kunden bleiben dafür verantwortlich, was sie an ihre eigenen Kundinnen und Kunden senden, und wir geben ihren Teams die Werkzeuge, es vorher zu prüfen.",
          ],
        },
        {
          kind: "p",
          text: "Wenn Sie Endnutzer eines Kunden sind und dem Einsatz von KI bei Ihrem Gespräch widersprechen, teilen Sie dies diesem Kunden mit; wir helfen ihm, Ihrem Widerspruch nachzukommen.",
        },
      ],
    },
    {
      id: "sharing",
      heading: "An wen wir Daten weitergeben",
      blocks: [
        {
          kind: "p",
          text: "Wir geben personenbezogene Daten nur wie hier beschrieben weiter. Dienstleister erhalten sie auf Grundlage schriftlicher Verträge, die ihnen die Nutzung nur zur Erbringung ihrer Leistungen für uns erlauben.",
        },
        {
          kind: "ul",
          items: [
            "Unterauftragsverarbeiter, die {{productName}} hosten, absichern und betreiben: Cloud-Infrastruktur, Anbieter von KI-Modellen, E-Mail-Versand, Fehlerüberwachung und Support-Werkzeuge.",
            "Werkzeuge Dritter, die ein Kunde anbindet, wenn ein vom Kunden eingerichteter Ablauf Daten an sie sendet.",
            "Berufliche Berater, Prüfer, Versicherer und Banken, die zur Vertraulichkeit verpflichtet sind.",
            "Gerichte, Aufsichtsbehörden, Strafverfolgungsbehörden oder andere, wenn das Gesetz es verlangt oder um die Sicherheit oder Rechte einer Person zu schützen. Wir wehren uns gegen zu weit gehende Anfragen und informieren, soweit wir dürfen, den betroffenen Kunden.",
            "Ein Käufer, Investor oder Rechtsnachfolger bei einer Fusion, Übernahme, Finanzierung oder Veräußerung von Vermögenswerten, der an diese Erklärung gebunden ist.",
          ],
        },
        {
          kind: "p",
          text: "Kunden können unsere aktuelle Liste der Unterauftragsverarbeiter bei {{privacyEmail}} anfordern. Bevor wir einen neuen hinzufügen, informieren wir die Kunden, wie es unser Auftragsverarbeitungsvertrag vorsieht.",
        },
      ],
    },
    {
      id: "international-transfers",
      heading: "Internationale Übermittlungen",
      blocks: [
        {
          kind: "p",
          text: "Wir und unsere Unterauftragsverarbeiter arbeiten in mehr als einem Land, sodass Ihre Daten auch außerhalb des Landes verarbeitet werden können, in dem Sie leben, einschließlich der Vereinigten Staaten.",
        },
        {
          kind: "p",
          text: "Wenn Daten den Europäischen Wirtschaftsraum, das Vereinigte Königreich oder die Schweiz verlassen, stützen wir uns auf einen Angemessenheitsbeschluss, sofern es einen gibt (einschließlich des EU-US Data Privacy Framework für zertifizierte Empfänger), oder auf die Standardvertragsklauseln der Europäischen Kommission mit dem britischen Zusatz, nachdem wir die Schutzmaßnahmen des Empfängers geprüft haben. Eine Kopie der geltenden Schutzmaßnahmen können Sie bei {{privacyEmail}} anfordern.",
        },
      ],
    },
    {
      id: "retention",
      heading: "Wie lange wir Daten aufbewahren",
      blocks: [
        {
          kind: "p",
          text: "Wir bewahren Daten nur so lange auf, wie wir sie für die Zwecke dieser Erklärung benötigen, und löschen oder anonymisieren sie dann. Gelöschte Daten verschwinden aus unseren Sicherungen, sobald diese überschrieben werden, innerhalb von 35 Tagen.",
        },
        {
          kind: "table",
          caption: "Wie lange wir jede Art von Daten aufbewahren",
          head: ["Daten", "Aufbewahrungsdauer"],
          rows: [
            ["Konto- und geschäftliche Kontaktdaten", "Für die Dauer des Kontos, danach 30 Tage"],
            ["Workspace-Inhalte", "Wie vom Kunden festgelegt; gelöscht innerhalb von 30 Tagen nach Ende des Kundenvertrags"],
            ["Support-Kommunikation mit uns", "3 Jahre nach der letzten Nachricht"],
            ["Sicherheits- und Zugriffsprotokolle", "12 Monate"],
            ["Nutzungsdaten von Website und Produkt", "13 Monate, danach nur noch zusammengefasst"],
            ["Abrechnungs- und Steuerunterlagen", "So lange, wie Steuer- und Handelsrecht es verlangen, in der Regel 6 bis 10 Jahre"],
            ["Aufzeichnungen über Datenschutzanfragen", "24 Monate nach Abschluss der Anfrage"],
            ["Angaben einer Datenschutzanfrage, deren E-Mail-Adresse nie bestätigt wird", "Gelöscht 7 Tage nach Absenden der Anfrage"],
          ],
        },
        {
          kind: "p",
          text: "Länger bewahren wir Daten nur auf, wenn das Gesetz es verlangt oder solange sie für einen Rechtsanspruch benötigt werden, und dann nur für diesen Zweck.",
        },
      ],
    },
    {
      id: "security",
      heading: "Sicherheit",
      blocks: [
        { kind: "p", text: "Wir schützen personenbezogene Daten mit Maßnahmen, die dem Risiko angemessen sind, darunter:" },
        {
          kind: "ul",
          items: [
            "Verschlüsselung bei der Übertragung und im Ruhezustand.",
            "Trennung der Workspace-Daten jedes Kunden von denen aller anderen Kunden.",
            "Zugriff von Mitarbeitenden nur nach dem Need-to-know-Prinzip, mit Mehr-Faktor-Anmeldung und Protokollierung ihrer Tätigkeiten.",
            "Geheimnisse wie Zugriffstoken werden nur verschlüsselt gespeichert und aus Protokollen herausgehalten.",
            "Regelmäßige Tests, Schwachstellenscans und Überprüfungen unserer Zulieferer.",
            "Ein schriftlicher Plan zur Reaktion auf Vorfälle, nach dem wir Kunden, Aufsichtsbehörden und betroffene Personen benachrichtigen, wie es das Gesetz verlangt.",
          ],
        },
        {
          kind: "p",
          text: "Kein System ist vollkommen sicher. Wenn Sie glauben, ein Sicherheitsproblem gefunden zu haben, schreiben Sie bitte an {{supportEmail}}.",
        },
      ],
    },
    {
      id: "your-rights",
      heading: "Ihre Datenschutzrechte",
      blocks: [
        {
          kind: "p",
          text: "Je nachdem, wo Sie leben, gibt Ihnen das Gesetz einige oder alle der folgenden Rechte an den Daten, für die wir verantwortlich sind. Wir gewähren sie allen, unabhängig davon, wo Sie leben, in den Grenzen, die das Gesetz setzt.",
        },
        {
          kind: "ul",
          items: [
            "Auskunft: erfahren, ob wir Daten über Sie haben, eine Kopie erhalten und erfahren, wie wir sie verwenden.",
            "Berichtigung: unrichtige oder unvollständige Daten korrigieren lassen.",
            "Löschung: Daten löschen lassen, es sei denn, wir müssen sie aufbewahren, etwa nach Steuerrecht oder zur Abwehr eines Rechtsanspruchs.",
            "Datenübertragbarkeit: die Daten, die Sie uns gegeben haben, in einer strukturierten, maschinenlesbaren Datei erhalten oder an eine andere Organisation übermitteln lassen, wo das technisch möglich ist.",
            "Einschränkung: verlangen, dass wir Daten außer zur Speicherung nicht mehr verwenden, während ein Anliegen wie ihre Richtigkeit geprüft wird.",
            "Widerspruch: einer Verwendung widersprechen, die auf unseren berechtigten Interessen beruht, und der Direktwerbung jederzeit.",
            "Widerspruch gegen Verkauf oder Weitergabe: Wir verkaufen oder teilen keine personenbezogenen Daten im Sinne des Rechts Kaliforniens und anderer US-Bundesstaaten, aber Sie können dennoch widersprechen, und wir halten es fest.",
            "Widerruf der Einwilligung: Wo wir uns auf Ihre Einwilligung stützen, können Sie sie jederzeit widerrufen.",
            "Einspruch: Wenn wir Ihre Anfrage ablehnen, können Sie uns um eine erneute Prüfung bitten. Jemand, der die erste Entscheidung nicht getroffen hat, prüft sie, und wir antworten innerhalb von 60 Tagen oder früher, wo das Gesetz es verlangt.",
            "Beschwerde: sich an eine Datenschutzaufsichtsbehörde wenden, etwa die Behörde an Ihrem Wohn- oder Arbeitsort in der Europäischen Union, das Information Commissioner's Office im Vereinigten Königreich oder die California Privacy Protection Agency bzw. den Generalstaatsanwalt Ihres Bundesstaates in den Vereinigten Staaten.",
          ],
        },
        {
          kind: "p",
          text: "Wir werden Ihnen den Dienst nicht verweigern, Ihnen keine höheren Preise berechnen und Ihnen keine schlechtere Dienstqualität bieten, weil Sie diese Rechte ausgeübt haben. Über Daten im Workspace eines Kunden entscheidet der Kunde, wie im Abschnitt zu unserer Rolle erläutert.",
        },
      ],
    },
    {
      id: "making-a-request",
      heading: "Wie Sie eine Anfrage stellen und wie wir sie überprüfen",
      blocks: [
        {
          kind: "p",
          text: "Verwenden Sie das Anfrageformular im Privacy Center auf dieser Website, oder schreiben Sie an {{privacyEmail}}. Sie benötigen kein Konto bei uns, und es fallen keine Gebühren an.",
        },
        {
          kind: "ul",
          items: [
            "Wir senden einen 6-stelligen Code an die von Ihnen angegebene E-Mail-Adresse. Geben Sie ihn ein oder folgen Sie dem Link in derselben E-Mail, um zu bestätigen, dass die Adresse Ihnen gehört. Der Code ist nur kurze Zeit gültig, und Sie können einen neuen anfordern.",
            "Wird die Adresse nicht innerhalb von 7 Tagen bestätigt, schließen wir die Anfrage und löschen, was Sie gesendet haben.",
            "Bei manchen Anfragen, etwa einer Kopie bestimmter Daten oder der Löschung sensibler Daten, können wir nach ein oder zwei weiteren Angaben fragen, die uns bereits vorliegen, um sicherzugehen, dass Sie es sind. Wir fragen nicht mehr als nötig, und wir prüfen eine Berichtigung nie anhand genau der Daten, die Sie für falsch halten.",
            "Ein Widerspruch gegen Verkauf oder Weitergabe bedarf keiner Überprüfung.",
            "Eine von Ihnen bevollmächtigte Person kann für Sie eine Anfrage stellen. Wir bitten dann um Ihre unterschriebene Vollmacht und können Sie bitten, die Anfrage selbst zu bestätigen.",
            "Jede E-Mail, die wir Ihnen zu Ihrer Anfrage senden, enthält einen privaten Link zu einer Seite, die ihren Stand zeigt.",
          ],
        },
        {
          kind: "p",
          text: "Wir antworten innerhalb der gesetzlich vorgesehenen Frist: einen Monat nach der DSGVO und der UK GDPR und 45 Tage nach dem California Consumer Privacy Act und ähnlichen Gesetzen anderer US-Bundesstaaten. Ist eine Anfrage komplex oder erhalten wir viele auf einmal, können wir die Frist nach der DSGVO und der UK GDPR um bis zu zwei weitere Monate oder nach US-Bundesstaatenrecht um weitere 45 Tage verlängern. In diesem Fall teilen wir Ihnen vor Ablauf der ersten Frist die Gründe mit.",
        },
        {
          kind: "p",
          text: "Können wir Ihrem Anliegen nicht nachkommen, erklären wir Ihnen, warum, und sagen Ihnen, wie Sie Einspruch oder Beschwerde einlegen können.",
        },
      ],
    },
    {
      id: "children-and-sensitive-data",
      heading: "Kinder und sensible Daten",
      blocks: [
        {
          kind: "p",
          text: "{{productName}} ist ein Dienst für Unternehmen und nicht für Kinder bestimmt. Wir erheben wissentlich keine Daten von Personen unter 16 Jahren. Wenn Sie glauben, dass uns ein Kind personenbezogene Daten gegeben hat, schreiben Sie an {{privacyEmail}}, und wir löschen sie.",
        },
        {
          kind: "p",
          text: "Kunden verpflichten sich, keine besonderen Kategorien von Daten (etwa zu Gesundheit, religiösen Überzeugungen oder sexueller Orientierung), Zahlungskartennummern, staatliche Identifikationsnummern oder Daten von Kindern in {{productName}} einzustellen, es sei denn, ihr Vertrag mit uns deckt dies ab und ihre Konfiguration schützt diese Daten. Wir verwenden sensible Daten nicht, um Rückschlüsse auf irgendjemanden zu ziehen.",
        },
      ],
    },
    {
      id: "changes",
      heading: "Änderungen dieser Erklärung",
      blocks: [
        {
          kind: "p",
          text: "Wir aktualisieren diese Erklärung, wenn sich unser Dienst, unsere Zulieferer oder das Gesetz ändern. Jede Fassung behält ihr eigenes Datum und ihre eigene dauerhafte Webadresse, sodass Sie sie vergleichen können. Betrifft eine Änderung die Art, wie wir Ihre Daten verwenden, informieren wir die Kunden mindestens 30 Tage vor ihrem Inkrafttreten per E-Mail oder in {{productName}}.",
        },
      ],
    },
    {
      id: "contact",
      heading: "Kontakt",
      blocks: [
        {
          kind: "p",
          text: "Bei Fragen zu dieser Erklärung oder zu Ihren Daten oder für eine Beschwerde erreichen Sie uns so:",
        },
        {
          kind: "ul",
          items: [
            "Datenschutzteam: {{privacyEmail}}",
            "Datenschutzbeauftragter: {{dpoName}}, {{dpoEmail}}",
            "Vertreter in der Europäischen Union: {{euRepresentative}}",
            "Vertreter im Vereinigten Königreich: {{ukRepresentative}}",
            "Post: {{registeredAddress}}",
          ],
        },
      ],
    },
  ],
};

export const currentInBrazilianPortuguese: PolicyTranslationSeed = {
  language: "pt-BR",
  title: "Política de Privacidade",
  summary:
    "Como a {{legalName}} coleta, usa e protege informações pessoais quando você usa o {{productName}}, visita nosso site ou entra em contato conosco, e como exercer seus direitos de privacidade.",
  sections: [
    {
      id: "who-we-are",
      heading: "Quem somos e o que esta política abrange",
      blocks: [
        {
          kind: "p",
          text: "A {{legalName}} (“nós”, “nosso”) oferece o {{productName}}, uma plataforma que ajuda empresas a atender seus próprios clientes com respostas assistidas por IA, tradução, resumos de conversas e fluxos de atendimento automatizados.",
        },
        {
          kind: "p",
          text: "Esta política explica como tratamos informações pessoais quando você visita {{websiteUrl}}, pede informações sobre o {{productName}} ou se cadastra nele, o usa como membro da equipe de um cliente, nos escreve ou envia uma solicitação por esta Central de Privacidade. Quando um contrato assinado com um cliente dispuser de forma diferente sobre os dados que abrange, prevalece o contrato.",
        },
        {
          kind: "p",
          text: "Ela não abrange sites ou serviços operados por terceiros, incluindo os canais de atendimento que nossos clientes operam com o {{productName}}: nesses casos, aplicam-se os avisos de privacidade deles.",
        },
      ],
    },
    {
      id: "our-role",
      heading: "Nosso papel: controlador ou operador",
      blocks: [
        {
          kind: "p",
          text: "As leis de privacidade distinguem a organização que decide por que e como as informações pessoais são usadas (o “controlador”, ou “business” nas leis estaduais dos EUA) daquela que as trata em nome dessa organização (o “operador”, ou “service provider”).",
        },
        {
          kind: "ul",
          items: [
            "Somos controladores das informações sobre a equipe e os contatos de nossos clientes, os visitantes do nosso site, as pessoas que nos escrevem, os registros de conta e de cobrança, os registros de segurança e as solicitações de privacidade enviadas a nós.",
            "Somos operadores do que nossos clientes colocam em seus workspaces do {{productName}}: os tickets, chats e e-mails de seus próprios clientes, seus artigos de ajuda, rascunhos e dados de fluxos. O cliente decide o que entra, por quanto tempo fica e quem vê, e nós agimos apenas conforme suas instruções documentadas.",
          ],
        },
        {
          kind: "p",
          text: "Assim, se você entrou em contato com a equipe de atendimento de uma empresa que usa o {{productName}}, essa empresa controla a sua conversa. Quando uma solicitação que recebemos diz respeito ao conteúdo de um workspace, informamos qual empresa é responsável, encaminhamos sua solicitação ao contato de privacidade dela e a ajudamos a responder. Não alteramos esse conteúdo sem instrução do cliente, pois isso poderia prejudicar você ou o cliente, por exemplo ao excluir registros que o cliente precisa manter.",
        },
      ],
    },
    {
      id: "information-we-collect",
      heading: "Informações que coletamos",
      blocks: [
        { kind: "p", text: "O que coletamos depende de como você se relaciona conosco:" },
        {
          kind: "ul",
          items: [
            "Dados de conta e de contato: nome, e-mail profissional, empresa, cargo, dados de acesso e as preferências que você escolher.",
            "Conteúdo de workspaces, que tratamos para nossos clientes: mensagens, tickets e conversas por e-mail, anexos, rascunhos, traduções, resumos, artigos de ajuda, exemplos de tom de voz e configurações de fluxos.",
            "Dados de integrações: informações de ferramentas que um cliente decide conectar, como uma caixa de e-mail, um help desk, um CRM ou um sistema de cobrança, limitadas ao que seus fluxos precisam.",
            "Dados técnicos e de uso: endereço IP, tipo de navegador e de dispositivo, páginas e recursos usados, registros de data e hora, relatórios de erro e sinais de segurança.",
            "Registros de cobrança e comerciais: plano, faturas, situação de pagamento e documentos contratuais. Os números de cartão vão para o nosso provedor de pagamentos; nunca os vemos nem os armazenamos.",
            "Comunicações: o que você nos escreve por e-mail, formulário ou chat, e nossas respostas.",
            "Solicitações de privacidade: seu nome, seu e-mail, o país onde você mora, o que você pede e o registro de como tratamos o pedido.",
          ],
        },
        {
          kind: "p",
          text: "A maior parte disso vem de você ou do cliente que o convidou. Parte vem das ferramentas que um cliente conecta e dos nossos próprios sistemas enquanto você os usa. Não compramos informações pessoais de corretores de dados.",
        },
      ],
    },
    {
      id: "how-we-use-information",
      heading: "Como usamos as informações",
      blocks: [
        {
          kind: "ul",
          items: [
            "Para operar o {{productName}}: hospedar workspaces, redigir e traduzir respostas, resumir conversas, manter o contexto do cliente e executar os fluxos que um cliente configura.",
            "Para operar as integrações que um cliente conecta, dentro das permissões que ele concede.",
            "Para manter o serviço e seus usuários seguros: detectar abusos e fraudes, investigar incidentes e corrigir falhas.",
            "Para dar suporte aos nossos clientes e responder a perguntas, incluindo solicitações de privacidade.",
            "Para enviar mensagens de serviço, como e-mails de integração inicial, alertas de segurança, alterações nos nossos termos e faturas. Enviamos novidades sobre o produto apenas quando a lei permite, e todo e-mail desse tipo tem um link para cancelar o recebimento.",
            "Para entender e melhorar o desempenho do {{productName}}, usando estatísticas de uso e feedback, agregados ou desidentificados sempre que possível.",
            "Para cumprir obrigações legais, como manter registros fiscais e responder a solicitações legítimas, e para constituir ou defender direitos em processos.",
          ],
        },
        {
          kind: "p",
          text: "Não vendemos informações pessoais, não as compartilhamos para publicidade comportamental entre contextos e não as usamos para tomar decisões sobre pessoas que produzam efeitos jurídicos ou efeitos igualmente significativos para elas.",
        },
      ],
    },
    {
      id: "legal-bases",
      heading: "Bases legais para o tratamento",
      blocks: [
        {
          kind: "p",
          text: "Quando o RGPD ou o UK GDPR se aplicam, usamos as bases legais abaixo para as informações que controlamos. Para o conteúdo de workspaces, o cliente escolhe a base legal como controlador.",
        },
        {
          kind: "table",
          caption: "Para que usamos as informações e a base legal de cada uso",
          head: ["Finalidade", "Base legal"],
          rows: [
            ["Prestar o serviço aos clientes e às suas equipes", "Execução do nosso contrato com o cliente, ou adoção de medidas que você solicitar antes de um contrato"],
            ["Segurança, prevenção de fraudes e correção de falhas", "Nosso interesse legítimo em um serviço seguro e funcional"],
            ["Mensagens de serviço e suporte", "Execução do nosso contrato e nosso interesse legítimo em responder a quem nos contata"],
            ["Melhorar o serviço com estatísticas de uso", "Nosso interesse legítimo em um produto melhor, ponderado com os seus interesses"],
            ["Novidades sobre o produto e e-mails de marketing", "Seu consentimento quando a lei o exige; caso contrário, nosso interesse legítimo, ao qual você pode se opor a qualquer momento"],
            ["Tratar solicitações de privacidade e manter registros delas", "Obrigação legal"],
            ["Impostos, contabilidade e respostas às autoridades", "Obrigação legal"],
          ],
        },
        {
          kind: "p",
          text: "Quando nos baseamos em interesses legítimos, você pode se opor, e quando nos baseamos no consentimento, você pode retirá-lo a qualquer momento. A retirada do consentimento não afeta o que fizemos antes.",
        },
      ],
    },
    {
      id: "ai-processing",
      heading: "Como nossos recursos de IA usam dados",
      blocks: [
        {
          kind: "p",
          text: "O {{productName}} usa grandes modelos de linguagem e outros sistemas de aprendizado de máquina para redigir respostas, traduzir, resumir, classificar mensagens recebidas e sugerir próximos passos. Cada cliente decide quais sugestões sua equipe revisa antes do envio e quais ações podem ser executadas sozinhas.",
        },
        {
          kind: "ul",
          items: [
            "O conteúdo de workspaces vai para provedores de modelos de IA apenas para produzir o resultado que um cliente pediu. Nossos contratos com eles proíbem guardá-lo por mais tempo do que o necessário para responder e proíbem treinar seus modelos com ele.",
            "Não usamos o conteúdo de workspaces para treinar ou ajustar modelos de IA, nossos ou de terceiros, a menos que o cliente concorde por escrito. O cliente pode retirar essa concordância a qualquer momento.",
            "Podemos usar estatísticas e feedback que não revelam nenhum conteúdo de workspaces, como a frequência com que uma resposta sugerida foi aceita, para melhorar a qualidade.",
            "O resultado da IA pode estar errado ou incompleto. Os clientes continuam responsáveis pelo que enviam aos seus próprios clientes, e damos às suas equipes as ferramentas para revisá-lo antes.",
          ],
        },
        {
          kind: "p",
          text: "Se você é usuário final de um cliente e se opõe ao uso de IA na sua conversa, informe esse cliente; nós o ajudaremos a atender à sua oposição.",
        },
      ],
    },
    {
      id: "sharing",
      heading: "Com quem compartilhamos informações",
      blocks: [
        {
          kind: "p",
          text: "Compartilhamos informações pessoais apenas conforme descrito aqui. Os prestadores de serviço as recebem com base em contratos escritos que lhes permitem usá-las somente para nos prestar seus serviços.",
        },
        {
          kind: "ul",
          items: [
            "Suboperadores que hospedam, protegem e operam o {{productName}}: infraestrutura em nuvem, provedores de modelos de IA, envio de e-mails, monitoramento de erros e ferramentas de suporte.",
            "Ferramentas de terceiros que um cliente conecta, quando um fluxo configurado pelo cliente envia dados para elas.",
            "Assessores profissionais, auditores, seguradoras e bancos, sob dever de confidencialidade.",
            "Tribunais, reguladores, autoridades policiais ou outros, quando a lei exigir ou para proteger a segurança ou os direitos de alguém. Resistimos a pedidos excessivos e, quando nos é permitido, informamos o cliente envolvido.",
            "Um comprador, investidor ou sucessor em uma fusão, aquisição, financiamento ou venda de ativos, que deverá cumprir esta política.",
          ],
        },
        {
          kind: "p",
          text: "Os clientes podem pedir a {{privacyEmail}} a nossa lista atual de suboperadores. Avisamos os clientes antes de adicionar um novo, conforme prevê nosso contrato de tratamento de dados.",
        },
      ],
    },
    {
      id: "international-transfers",
      heading: "Transferências internacionais",
      blocks: [
        {
          kind: "p",
          text: "Nós e nossos suboperadores atuamos em mais de um país, por isso suas informações podem ser tratadas fora do país onde você mora, inclusive nos Estados Unidos.",
        },
        {
          kind: "p",
          text: "Quando informações saem do Espaço Econômico Europeu, do Reino Unido ou da Suíça, nos baseamos em uma decisão de adequação, quando houver (incluindo o EU-US Data Privacy Framework para destinatários certificados), ou nas cláusulas contratuais padrão da Comissão Europeia com o adendo do Reino Unido, após avaliar as salvaguardas do destinatário. Você pode pedir a {{privacyEmail}} uma cópia das salvaguardas aplicáveis.",
        },
      ],
    },
    {
      id: "retention",
      heading: "Por quanto tempo guardamos as informações",
      blocks: [
        {
          kind: "p",
          text: "Guardamos as informações apenas enquanto precisamos delas para as finalidades desta política e depois as excluímos ou as tornamos anônimas. Os dados excluídos saem dos nossos backups à medida que estes são sobrescritos, em até 35 dias.",
        },
        {
          kind: "table",
          caption: "Por quanto tempo guardamos cada tipo de informação",
          head: ["Informação", "Por quanto tempo a guardamos"],
          rows: [
            ["Dados de conta e de contato comercial", "Durante a vigência da conta e mais 30 dias"],
            ["Conteúdo de workspaces", "Conforme definido pelo cliente; excluído em até 30 dias após o término do contrato do cliente"],
            ["Comunicações de suporte conosco", "3 anos após a última mensagem"],
            ["Registros de segurança e de acesso", "12 meses"],
            ["Dados de uso do site e do produto", "13 meses, depois mantidos apenas de forma agregada"],
            ["Registros de cobrança e fiscais", "Pelo tempo exigido pela legislação fiscal e contábil, geralmente de 6 a 10 anos"],
            ["Registros de solicitações de privacidade", "24 meses após o encerramento da solicitação"],
            ["Dados de uma solicitação de privacidade cujo e-mail nunca é confirmado", "Apagados 7 dias após o envio da solicitação"],
          ],
        },
        {
          kind: "p",
          text: "Só guardamos informações por mais tempo quando a lei exige ou enquanto forem necessárias para um processo judicial, e então apenas para essa finalidade.",
        },
      ],
    },
    {
      id: "security",
      heading: "Segurança",
      blocks: [
        { kind: "p", text: "Protegemos as informações pessoais com medidas adequadas ao risco, incluindo:" },
        {
          kind: "ul",
          items: [
            "Criptografia em trânsito e em repouso.",
            "Separação dos dados do workspace de cada cliente dos de todos os outros clientes.",
            "Acesso da equipe apenas quando necessário, com autenticação multifator e registro do que ela faz.",
            "Segredos, como tokens de acesso, armazenados apenas de forma criptografada e mantidos fora dos registros.",
            "Testes regulares, varreduras de vulnerabilidades e avaliações dos nossos fornecedores.",
            "Um plano escrito de resposta a incidentes, segundo o qual notificamos clientes, reguladores e pessoas afetadas conforme exigido por lei.",
          ],
        },
        {
          kind: "p",
          text: "Nenhum sistema é perfeitamente seguro. Se você acha que encontrou um problema de segurança, escreva para {{supportEmail}}.",
        },
      ],
    },
    {
      id: "your-rights",
      heading: "Seus direitos de privacidade",
      blocks: [
        {
          kind: "p",
          text: "Dependendo de onde você mora, a lei lhe dá alguns ou todos os direitos abaixo sobre as informações que mantemos como controlador. Nós os respeitamos para todos, onde quer que você more, dentro dos limites estabelecidos pela lei.",
        },
        {
          kind: "ul",
          items: [
            "Acesso: saber se mantemos informações sobre você, obter uma cópia e saber como as usamos.",
            "Correção: corrigir informações inexatas ou incompletas.",
            "Exclusão: apagar informações, a menos que tenhamos de mantê-las, por exemplo por força da legislação fiscal ou para defender um direito em processo.",
            "Portabilidade: receber as informações que você nos forneceu em um arquivo estruturado e legível por máquina, ou enviá-las a outra organização quando isso for tecnicamente possível.",
            "Restrição: fazer com que deixemos de usar informações, exceto para armazená-las, enquanto uma questão, como sua exatidão, é verificada.",
            "Oposição: opor-se a usos baseados em nossos interesses legítimos e, a qualquer momento, ao marketing direto.",
            "Recusa à venda ou ao compartilhamento: não vendemos nem compartilhamos informações pessoais nos termos em que a Califórnia e outras leis estaduais dos EUA os definem, mas você ainda pode recusar, e nós registraremos isso.",
            "Retirada do consentimento: quando nos baseamos no seu consentimento, você pode retirá-lo a qualquer momento.",
            "Recurso: se recusarmos sua solicitação, você pode pedir que a reconsideremos. Alguém que não tomou a primeira decisão a revisa, e respondemos em até 60 dias, ou antes quando a lei exigir.",
            "Reclamação: contatar uma autoridade de proteção de dados, como a autoridade do local onde você mora ou trabalha na União Europeia, o Information Commissioner's Office no Reino Unido, ou a California Privacy Protection Agency ou o procurador-geral do seu estado nos Estados Unidos.",
          ],
        },
        {
          kind: "p",
          text: "Não recusaremos o serviço, não cobraremos mais nem ofereceremos um serviço de qualidade inferior porque você exerceu esses direitos. Quanto às informações dentro do workspace de um cliente, o cliente decide sobre a sua solicitação, como explicado na seção sobre o nosso papel.",
        },
      ],
    },
    {
      id: "making-a-request",
      heading: "Como fazer uma solicitação e como a verificamos",
      blocks: [
        {
          kind: "p",
          text: "Use o formulário de solicitação da Central de Privacidade neste site ou escreva para {{privacyEmail}}. Você não precisa ter uma conta conosco, e não há nenhuma taxa.",
        },
        {
          kind: "ul",
          items: [
            "Enviamos um código de 6 dígitos para o e-mail que você informar. Digite-o, ou siga o link no mesmo e-mail, para confirmar que o endereço é seu. O código vale apenas por pouco tempo, e você pode pedir um novo.",
            "Se o endereço não for confirmado em 7 dias, encerramos a solicitação e apagamos o que você enviou.",
            "Para algumas solicitações, como a cópia de informações específicas ou a exclusão de informações sensíveis, podemos pedir um ou dois dados adicionais que já temos, para ter certeza de que é você. Não pedimos mais do que o necessário e nunca verificamos uma correção com base justamente nos dados que você diz estarem errados.",
            "Uma solicitação de recusa à venda ou ao compartilhamento não precisa de verificação.",
            "Alguém que você autorizar pode fazer uma solicitação por você. Pediremos sua autorização assinada e poderemos pedir que você mesmo confirme a solicitação.",
            "Todo e-mail que enviamos sobre a sua solicitação inclui um link privado para uma página que mostra a situação dela.",
          ],
        },
        {
          kind: "p",
          text: "Respondemos dentro do prazo que a lei permite: um mês pelo RGPD e pelo UK GDPR, e 45 dias pelo California Consumer Privacy Act e leis estaduais semelhantes dos EUA. Se uma solicitação for complexa, ou se recebermos muitas ao mesmo tempo, podemos prorrogar esse prazo por até mais dois meses pelo RGPD e pelo UK GDPR, ou por mais 45 dias pelas leis estaduais dos EUA. Nesse caso, explicamos o motivo antes do fim do primeiro prazo.",
        },
        {
          kind: "p",
          text: "Se não pudermos fazer o que você pediu, explicamos o motivo e informamos como recorrer ou reclamar.",
        },
      ],
    },
    {
      id: "children-and-sensitive-data",
      heading: "Crianças e informações sensíveis",
      blocks: [
        {
          kind: "p",
          text: "O {{productName}} é um serviço para empresas e não se destina a crianças. Não coletamos conscientemente informações de menores de 16 anos. Se você acha que uma criança nos forneceu informações pessoais, escreva para {{privacyEmail}} e nós as excluiremos.",
        },
        {
          kind: "p",
          text: "Os clientes concordam em não colocar no {{productName}} categorias especiais de dados (como saúde, crenças religiosas ou orientação sexual), números de cartão de pagamento, números de documentos oficiais de identidade ou dados de crianças, a menos que o contrato deles conosco o preveja e a configuração deles os proteja. Não usamos informações sensíveis para fazer inferências sobre ninguém.",
        },
      ],
    },
    {
      id: "changes",
      heading: "Alterações nesta política",
      blocks: [
        {
          kind: "p",
          text: "Atualizamos esta política quando nosso serviço, nossos fornecedores ou a lei mudam. Cada versão mantém sua própria data e seu próprio endereço permanente na web, para que você possa compará-las. Se uma alteração afetar a forma como usamos suas informações, avisamos os clientes por e-mail ou no {{productName}} pelo menos 30 dias antes de ela entrar em vigor.",
        },
      ],
    },
    {
      id: "contact",
      heading: "Fale conosco",
      blocks: [
        {
          kind: "p",
          text: "Para dúvidas sobre esta política ou sobre suas informações, ou para fazer uma reclamação, entre em contato conosco:",
        },
        {
          kind: "ul",
          items: [
            "Equipe de privacidade: {{privacyEmail}}",
            "Encarregado de proteção de dados: {{dpoName}}, {{dpoEmail}}",
            "Representante na União Europeia: {{euRepresentative}}",
            "Representante no Reino Unido: {{ukRepresentative}}",
            "Correio: {{registeredAddress}}",
          ],
        },
      ],
    },
  ],
};
