import { StatusLinkNotValid } from "../link-not-valid";

/**
 * The page's own notFound(). Next renders a page's notFound() as an error document that shows this
 * only once JavaScript runs, so proxy.ts sends links it already knows are not valid to the
 * server-rendered 404 (app/not-found.tsx); this covers a link that expires in between.
 */
export default function StatusLinkNotFound() {
  return <StatusLinkNotValid />;
}
