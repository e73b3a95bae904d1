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
