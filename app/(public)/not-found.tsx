import { PageNotFound } from "@/components/page-not-found";

/** A public page's notFound() (a policy version that does not exist, for example), inside the public frame. */
export default function PublicNotFound() {
  return <PageNotFound />;
}
