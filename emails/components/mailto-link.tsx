import { Link } from "@react-email/components";
import { link } from "@/emails/components/styles";

/** An email address the reader can click to write to. */
export function MailtoLink({ email }: { email: string }) {
  return (
    <Link href={`mailto:${email}`} style={link}>
      {email}
    </Link>
  );
}
