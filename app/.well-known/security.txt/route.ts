import { getEnv } from "@/lib/env";
import { securityTxt } from "@/lib/http/security-txt";
import { getOrganizationSettings } from "@/lib/organization/settings";

export async function GET(): Promise<Response> {
  const env = getEnv();
  const org = await getOrganizationSettings();
  const body = securityTxt({ contact: env.SECURITY_CONTACT ?? org.privacyEmail, appUrl: env.APP_URL, now: new Date() });
  return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=86400" } });
}
