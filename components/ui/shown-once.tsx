"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { inputClass } from "@/components/ui/field";

/**
 * A secret the server gave back once (an API key, a signing secret): announced, focused when it
 * appears, in a read-only field that selects itself for copying. Never stored where it could be
 * shown again.
 */
export function ShownOnce({ id, title, label, value, children }: { id: string; title: string; label: string; value: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, [value]);
  return (
    <div ref={box} tabIndex={-1} role="status" className="rounded-md border border-green-700 bg-green-50 p-4 focus:outline-none focus:ring-2 focus:ring-blue-700">
      <p className="font-semibold text-slate-900">{title}</p>
      <label htmlFor={id} className="mt-2 block text-sm font-medium text-slate-900">
        {label}
      </label>
      <input id={id} readOnly value={value} onFocus={(e) => e.currentTarget.select()} className={`${inputClass} font-mono`} />
      <p className="mt-2 text-sm text-slate-700">{children}</p>
    </div>
  );
}
