import { Link, Section, Text } from "@react-email/components";
import { EmailButton } from "@/emails/components/button";
import { link, paragraph, small, subheading } from "@/emails/components/styles";

/** "Follow your request": the private status link every email to a requester carries. */
export function StatusLink({ statusUrl, label = "View request status" }: { statusUrl: string; label?: string }) {
  return (
    <>
      <Text style={subheading}>Follow your request</Text>
      <Section style={{ margin: "0 0 16px" }}>
        <EmailButton href={statusUrl}>{label}</EmailButton>
      </Section>
      {/* The text part already prints the button's address; HTML readers get it to copy. */}
      <Text style={small} data-skip-in-text>
        If the button does not work, open this address:{" "}
        <Link href={statusUrl} style={link}>
          {statusUrl}
        </Link>
      </Text>
      <Text style={paragraph}>Keep this link private: anyone who has it can see your request&apos;s status.</Text>
    </>
  );
}
