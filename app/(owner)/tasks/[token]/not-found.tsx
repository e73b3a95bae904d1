import { LinkNoLongerWorks } from "@/components/link-no-longer-works";

/** An unknown, expired or revoked task link. */
export default function OwnerTaskNotFound() {
  return <LinkNoLongerWorks why={() => "It may have expired, been replaced by the link in a newer reminder, or the privacy team no longer needs this search."} />;
}
