import type { ReactNode } from "react";
import { can, ROLE_LABELS } from "@/lib/auth/roles";
import { requirePagePermission } from "@/lib/auth/staff";
import { countAssignedTo } from "@/lib/dashboard/stats";
import { ASSIGNABLE_ROLES } from "@/lib/requests/handling/acknowledge";
import { SignOutButton } from "./sign-out-button";

// The second of three checks: every page below needs a signed-in, active staff member. Each data
// function and action checks the role again itself.
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const staff = await requirePagePermission("requests.read");
  // Who holds requests (admins and officers) sees how many are theirs, one click away.
  const mine = (ASSIGNABLE_ROLES as readonly string[]).includes(staff.role) ? await countAssignedTo(staff.id) : null;
  const links = [
    { href: "/admin", label: "Overview" },
    { href: "/admin/requests?status=open", label: "Open requests" },
    ...(mine === null ? [] : [{ href: "/admin/requests?status=open&assignee=me", label: `Assigned to me (${mine})` }]),
    { href: "/admin/customers", label: "Customers" },
    { href: "/admin/reports", label: "Metrics" },
    { href: "/admin/data-map", label: "Data map" },
    ...(can(staff.role, "staff.manage") ? [{ href: "/admin/staff", label: "Staff" }] : []),
    ...(can(staff.role, "settings.manage") ? [{ href: "/admin/settings", label: "Settings" }] : []),
    ...(can(staff.role, "policy.manage") ? [{ href: "/admin/policy", label: "Policy" }] : []),
    ...(can(staff.role, "settings.manage") ? [{ href: "/admin/templates", label: "Saved texts" }] : []),
    ...(can(staff.role, "settings.manage") ? [{ href: "/admin/api-keys", label: "API keys" }] : []),
    ...(can(staff.role, "settings.manage") ? [{ href: "/admin/webhooks", label: "Webhooks" }] : []),
    { href: "/admin/account", label: "Your account" },
  ];
  return (
    <div className="min-h-screen bg-slate-50">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-4 px-4 py-3">
          <div className="flex items-center gap-6">
            <span className="font-semibold text-slate-900">Privacy dashboard</span>
            <nav aria-label="Dashboard">
              <ul className="flex gap-4">
                {links.map((link) => (
                  <li key={link.href}>
                    <a href={link.href} className="text-blue-700 underline-offset-4 hover:underline">
                      {link.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
          <div className="flex items-center gap-3 text-sm text-slate-700">
            <span>
              {staff.email} · {ROLE_LABELS[staff.role]}
              {can(staff.role, "requests.readPersonal") ? "" : " (personal data masked)"}
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
