import { Text } from "@react-email/components";
import { ButtonWithFallback } from "@/emails/components/button-with-fallback";
import { paragraph, subheading } from "@/emails/components/styles";

/** "Follow your request": the private status link every email to a requester carries. */
export function StatusLink({ statusUrl, label = "View request status" }: { statusUrl: string; label?: string }) {
  return (
    <>
      <Text style={subheading}>Follow your request</Text>
      <ButtonWithFallback href={statusUrl}>{label}</ButtonWithFallback>
      <Text style={paragraph}>Keep this link private: anyone who has it can see your request&apos;s status.</Text>
    </>
  );
}
