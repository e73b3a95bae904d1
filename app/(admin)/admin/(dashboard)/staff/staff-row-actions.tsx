"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { changeRoleAction, deactivateStaffAction, reactivateStaffAction } from "./actions";
import { useHydrated } from "@/components/ui/use-hydrated";

type Role = "ADMIN" | "OFFICER" | "AUDITOR";

export function StaffRowActions({ staff, isSelf }: { staff: { id: string; email: string; role: Role; active: boolean }; isSelf: boolean }) {
  const [role, setRole] = useState<Role>(staff.role);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();

  const run = (action: () => Promise<{ ok: boolean; formError?: string }>) =>
    startTransition(async () => {
      setMessage(null);
      const result = await action();
      if (!result.ok) setMessage(result.formError ?? "That did not work.");
      setConfirming(false);
    });

  return (
    <div className="flex flex-wrap items-end gap-2">
      {staff.active ? (
        <>
          <label className="sr-only" htmlFor={`role-${staff.id}`}>
            Role for {staff.email}
          </label>
          <select id={`role-${staff.id}`} value={role} onChange={(e) => setRole(e.target.value as Role)} className={`${inputClass} mt-0 w-auto`} disabled={!hydrated || pending}>
            <option value="OFFICER">Privacy officer</option>
            <option value="AUDITOR">Auditor</option>
            <option value="ADMIN">Admin</option>
          </select>
          <Button variant="secondary" disabled={!hydrated || pending || role === staff.role} onClick={() => run(() => changeRoleAction({ staffId: staff.id, role }))}>
            Change role<span className="sr-only"> for {staff.email}</span>
          </Button>
          {isSelf ? null : confirming ? (
            <span role="group" aria-label={`Confirm deactivating ${staff.email}`} className="flex gap-2">
              <Button disabled={!hydrated || pending} onClick={() => run(() => deactivateStaffAction({ staffId: staff.id }))}>
                Confirm: deactivate<span className="sr-only"> {staff.email}</span>
              </Button>
              <Button variant="secondary" disabled={!hydrated || pending} onClick={() => setConfirming(false)}>
                Cancel
              </Button>
            </span>
          ) : (
            <Button variant="secondary" disabled={!hydrated || pending} onClick={() => setConfirming(true)}>
              Deactivate<span className="sr-only"> {staff.email}</span>
            </Button>
          )}
        </>
      ) : (
        <Button variant="secondary" disabled={!hydrated || pending} onClick={() => run(() => reactivateStaffAction({ staffId: staff.id }))}>
          Reactivate<span className="sr-only"> {staff.email}</span>
        </Button>
      )}
      <p aria-live="polite" className="w-full text-sm text-red-700">
        {message}
      </p>
    </div>
  );
}
