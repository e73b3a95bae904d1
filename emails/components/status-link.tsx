import { Text } from "@react-email/components";
import { ButtonWithFallback } from "@/emails/components/button-with-fallback";
import { emailWords } from "@/emails/components/i18n";
import type { EmailLanguage } from "@/emails/components/language";
import { paragraph, subheading } from "@/emails/components/styles";

/** "Follow your request": the private status link every email to a requester carries. */
export function StatusLink({ statusUrl, language = "en" }: { statusUrl: string; language?: EmailLanguage }) {
  const t = emailWords(language);
  return (
    <>
      <Text style={subheading}>{t("statusLink.heading")}</Text>
      <ButtonWithFallback href={statusUrl} language={language}>
        {t("statusLink.button")}
      </ButtonWithFallback>
      <Text style={paragraph}>{t("statusLink.keepPrivate")}</Text>
    </>
  );
}
