import { LinkNoLongerWorks } from "@/components/link-no-longer-works";

/** An unknown, expired or revoked notice link. */
export default function NoticeNotFound() {
  return <LinkNoLongerWorks why={() => "It may have expired, or been replaced by the link in a newer reminder."} />;
}
