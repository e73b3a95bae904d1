import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/staff";
import { CustomerForm } from "../customer-form";
import { Breadcrumb } from "@/components/ui/breadcrumb";

export const metadata: Metadata = { title: "Register a customer" };

export default async function NewCustomerPage() {
  await requirePagePermission("customers.manage", "/admin/customers/new");
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <Breadcrumb href="/admin/customers" label="Customers" current="New" />
        <h1 className="mt-1 text-2xl font-bold text-slate-900">Register a customer</h1>
        <p className="mt-1 text-slate-700">
          A business that uses Jexi and controls the content of its workspaces. After saving, add the workspaces requests can be
          matched to.
        </p>
      </div>
      <section aria-label="Customer details" className="rounded-md border border-slate-300 bg-white p-6">
        <CustomerForm />
      </section>
    </div>
  );
}
