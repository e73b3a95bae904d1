import type { Metadata } from "next";
import { buttonClass } from "@/components/ui/button";
import { can } from "@/lib/auth/roles";
import { requirePagePermission } from "@/lib/auth/staff";
import { listCustomers } from "@/lib/customers/queries";
import { customerLanguageLabel } from "@/lib/customers/schema";

export const metadata: Metadata = { title: "Customers" };

export default async function CustomersPage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const { after } = await searchParams;
  const staff = await requirePagePermission("requests.read", "/admin/customers");
  const { customers, nextCursor, isFirstPage } = await listCustomers(staff, { after });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold text-slate-900">Customers</h1>
          <p className="mt-1 max-w-3xl text-slate-700">
            Businesses whose workspaces we process on their behalf. A request about content in one of their workspaces is matched by
            the workspace&apos;s slug, domains or name and referred to the customer&apos;s privacy contacts.
          </p>
        </div>
        {can(staff.role, "customers.manage") ? (
          <a href="/admin/customers/new" className={buttonClass()}>
            Register a customer
          </a>
        ) : null}
      </div>

      {customers.length === 0 ? (
        <p className="text-slate-700">{isFirstPage ? "No customers are registered yet." : "No more customers."}</p>
      ) : (
        <table className="w-full border-collapse bg-white text-left text-sm">
          <caption className="sr-only">Registered customers, by legal name</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2">Customer</th>
              <th scope="col" className="p-2">Privacy contacts</th>
              <th scope="col" className="p-2">Language</th>
              <th scope="col" className="p-2">Workspaces (slug · domains)</th>
            </tr>
          </thead>
          <tbody>
            {customers.map((customer) => (
              <tr key={customer.id} className="border-b border-slate-200 align-top">
                <th scope="row" className="p-2 font-medium">
                  <a href={`/admin/customers/${customer.id}`} className="text-blue-700 underline">
                    {customer.legalName}
                  </a>
                </th>
                <td className="p-2">
                  <ul>
                    {customer.privacyEmails.map((email) => (
                      <li key={email}>{email}</li>
                    ))}
                  </ul>
                </td>
                <td className="p-2">{customerLanguageLabel(customer.language)}</td>
                <td className="p-2">
                  {customer.workspaces.length === 0 ? (
                    <span className="text-slate-700">None yet</span>
                  ) : (
                    <ul className="space-y-1">
                      {customer.workspaces.map((w) => (
                        <li key={w.id}>
                          <span className="font-medium">{w.name}</span> · <code>{w.slug}</code>
                          {w.domains.length ? <span className="text-slate-700"> · {w.domains.join(", ")}</span> : null}
                        </li>
                      ))}
                      {customer._count.workspaces > customer.workspaces.length ? (
                        <li className="text-slate-700">and {customer._count.workspaces - customer.workspaces.length} more</li>
                      ) : null}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {nextCursor || !isFirstPage ? (
        <nav aria-label="Pages" className="flex gap-4">
          {!isFirstPage ? (
            <a href="/admin/customers" className="text-blue-700 underline">
              First page
            </a>
          ) : null}
          {nextCursor ? (
            <a href={`/admin/customers?after=${nextCursor}`} className="text-blue-700 underline">
              Next page
            </a>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
