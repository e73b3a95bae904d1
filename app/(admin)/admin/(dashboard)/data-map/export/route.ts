import { getStaff } from "@/lib/auth/staff";
import { can } from "@/lib/auth/roles";
import { exportDataMap } from "@/lib/datamap/fides-yaml";
import { mapForExport } from "@/lib/datamap/queries";

// The whole map as a fideslang dataset file, for any staff role (it holds no secret and no
// person's data).
export async function GET(): Promise<Response> {
  const staff = await getStaff();
  if (!staff || !can(staff.role, "requests.read")) return new Response("Sign in as staff to download the data map.", { status: 403 });
  const yaml = `# Data map exported from the privacy portal: fideslang datasets (data categories: fideslang taxonomy by Ethyca, CC BY 4.0).\n# Secrets are never exported.\n${exportDataMap(await mapForExport(staff))}`;
  return new Response(yaml, {
    headers: {
      "content-type": "application/yaml; charset=utf-8",
      "content-disposition": 'attachment; filename="data-map.yml"',
      "cache-control": "no-store",
    },
  });
}
