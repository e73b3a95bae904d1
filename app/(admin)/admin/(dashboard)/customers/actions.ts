"use server";

import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/actions/staff-action";
import { createCustomer, updateCustomer } from "@/lib/customers/customers";
import { AddWorkspaceSchema, CustomerSchema, UpdateCustomerSchema, UpdateWorkspaceSchema, WorkspaceIdSchema } from "@/lib/customers/schema";
import { addWorkspace, removeWorkspace, updateWorkspace } from "@/lib/customers/workspaces";

// Every change shows on the list and on the customer's page (its history), so both are refreshed.
function refresh(customerId?: string) {
  revalidatePath("/admin/customers");
  if (customerId) revalidatePath(`/admin/customers/${customerId}`);
}

export const createCustomerAction = staffAction("customers.manage", CustomerSchema, async (input, actor) => {
  const result = await createCustomer(input, actor);
  refresh();
  return result;
});

export const updateCustomerAction = staffAction("customers.manage", UpdateCustomerSchema, async ({ customerId, ...input }, actor) => {
  const result = await updateCustomer(customerId, input, actor);
  refresh(customerId);
  return result;
});

export const addWorkspaceAction = staffAction("customers.manage", AddWorkspaceSchema, async ({ customerId, ...input }, actor) => {
  const result = await addWorkspace(customerId, input, actor);
  refresh(customerId);
  return result;
});

export const updateWorkspaceAction = staffAction("customers.manage", UpdateWorkspaceSchema, async ({ workspaceId, ...input }, actor) => {
  const result = await updateWorkspace(workspaceId, input, actor);
  refresh(result.customerId);
  return { changed: result.changed };
});

export const removeWorkspaceAction = staffAction("customers.manage", WorkspaceIdSchema, async ({ workspaceId }, actor) => {
  const { customerId } = await removeWorkspace(workspaceId, actor);
  refresh(customerId);
  return null;
});
