import type { Metadata } from "next";
import { DisconnectButton } from "@/components/disconnect-button";
import { listBindings } from "@/lib/auth/oauth-binding";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requirePagePermission } from "@/lib/auth/staff";
import { formatInstantDate } from "@/lib/dates/format";
import { getOperatorTimeZone } from "@/lib/organization/settings";
import { INVITE_VALID_HOURS, listStaff } from "@/lib/staff/manage";
import { InviteForm } from "./invite-form";
import { db } from "@/lib/db";
import { removeStaffAccountAction } from "./actions";
import { StaffRowActions } from "./staff-row-actions";

export const metadata: Metadata = { title: "Staff" };

export default async function StaffPage() {
  const me = await requirePagePermission("staff.manage", "/admin/staff");
  const [staff, timeZone] = await Promise.all([listStaff(), getOperatorTimeZone()]);
  const bindings = await listBindings(db, staff.map((person) => person.id));
  return (
    <div className="space-y-10">
      <h1 className="text-2xl font-bold text-slate-900">Staff</h1>
      <section aria-labelledby="invite-heading" className="max-w-xl rounded-md border border-slate-300 bg-white p-6">
        <h2 id="invite-heading" className="text-lg font-semibold text-slate-900">
          Invite someone
        </h2>
        <p className="mt-1 text-sm text-slate-700">They get an email with a sign-in link valid for {INVITE_VALID_HOURS} hours.</p>
        <InviteForm />
      </section>
      <section aria-labelledby="list-heading">
        <h2 id="list-heading" className="text-lg font-semibold text-slate-900">
          Everyone with access
        </h2>
        <table className="mt-4 w-full border-collapse bg-white text-left text-sm">
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2">Email</th>
              <th scope="col" className="p-2">Name</th>
              <th scope="col" className="p-2">Role</th>
              <th scope="col" className="p-2">Status</th>
              <th scope="col" className="p-2">Added</th>
              <th scope="col" className="p-2">Connected sign-in</th>
              <th scope="col" className="p-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {staff.map((person) => (
              <tr key={person.id} className="border-b border-slate-200 align-top">
                <th scope="row" className="p-2 font-medium">{person.email}</th>
                <td className="p-2">{person.name ?? "–"}</td>
                <td className="p-2">{ROLE_LABELS[person.role]}</td>
                <td className="p-2">{person.deactivatedAt ? "Deactivated" : person.emailVerified ? "Active" : "Invited"}</td>
                <td className="p-2">{formatInstantDate(person.createdAt, timeZone, "medium")}</td>
                <td className="p-2">
                  {(bindings.get(person.id) ?? []).map((binding) => (
                    <div key={binding.id} className="flex flex-wrap items-center gap-2">
                      {binding.providerName}
                      <DisconnectButton
                        disconnect={removeStaffAccountAction.bind(null, { staffId: person.id, accountId: binding.id })}
                        label="Remove"
                        srLabel={`${binding.providerName} sign-in of ${person.email}`}
                      />
                    </div>
                  ))}
                  {bindings.has(person.id) ? null : "Email link only"}
                </td>
                <td className="p-2">
                  <StaffRowActions staff={{ id: person.id, email: person.email, role: person.role, active: !person.deactivatedAt }} isSelf={person.id === me.id} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
