import { buttonClass } from "@/components/ui/button";
import { FieldHint, inputClass } from "@/components/ui/field";
import { Jurisdiction, RequestRoute, RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import { REFERRAL_FILTER_LABELS, REFERRAL_FILTERS, ROUTE_LABELS } from "@/lib/referrals/state";
import { JURISDICTION_LABELS, REQUEST_TYPE_LABELS } from "@/lib/requests/labels";
import { MIN_SEARCH_LENGTH, QUEUE_PATH, type QueueFilters } from "@/lib/requests/queue-filters";
import type { QueueStaff } from "@/lib/requests/queue";
import { monthLabel } from "@/lib/dates/months";
import { STATUS_LABELS } from "./status-labels";

type Option = { value: string; label: string };

function Select({ name, label, value, options }: { name: keyof QueueFilters; label: string; value: string | undefined; options: Option[] }) {
  const id = `filter-${name}`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={inputClass}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A plain GET form: submitting it loads /admin/requests?status=...&due=..., so every view is a URL
 * that works without JavaScript and can be shared. It never carries a cursor: new filters start
 * at the first page.
 */
export function QueueFilterForm({
  filters,
  query,
  people,
  personal,
  months,
}: {
  filters: QueueFilters;
  query: string;
  people: QueueStaff[];
  personal: boolean;
  /** The months offered for "Received in" and "Closed in", newest first ("2026-05"). */
  months: string[];
}) {
  // A link from the overview may name an older month: keep it chosen and visible.
  const monthOptions = (chosen: string | undefined, any: string): Option[] => [
    { value: "", label: any },
    ...[...months, ...(chosen && !months.includes(chosen) ? [chosen] : [])].map((m) => ({ value: m, label: monthLabel(m) })),
  ];
  const assignees: Option[] = [
    { value: "", label: "Anyone or nobody" },
    { value: "me", label: "Assigned to me" },
    { value: "none", label: "Unassigned" },
    ...people.map((p) => ({ value: p.id, label: p.name ? `${p.name} (${p.email})` : p.email })),
  ];
  // A shared link may name someone no longer in the list (deactivated since): keep the filter visible.
  if (filters.assignee && !assignees.some((a) => a.value === filters.assignee)) {
    assignees.push({ value: filters.assignee, label: "A former staff member" });
  }
  return (
    <form method="get" action={QUEUE_PATH} role="search" aria-label="Filter requests" className="rounded-md border border-slate-300 bg-white p-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <div className="sm:col-span-2">
          <label htmlFor="filter-q" className="block text-sm font-medium text-slate-900">
            {personal ? "Reference, email or name" : "Reference"}
          </label>
          <input
            id="filter-q"
            name="q"
            type="search"
            defaultValue={query}
            autoComplete="off"
            spellCheck={false}
            aria-describedby="filter-q-hint"
            className={inputClass}
          />
          <FieldHint id="filter-q-hint">
            {personal
              ? `At least ${MIN_SEARCH_LENGTH} characters: part of a reference such as DSR-7KQ2-9XMD, of an email address or of a name. Names spelt close to it match too.`
              : `At least ${MIN_SEARCH_LENGTH} characters of a reference such as DSR-7KQ2-9XMD.`}
          </FieldHint>
        </div>
        <Select
          name="status"
          label="Status"
          value={filters.status}
          options={[
            { value: "", label: "Any status" },
            { value: "open", label: "Open (not finished, referred included)" },
            ...Object.values(RequestStatus).map((s) => ({ value: s, label: STATUS_LABELS[s] })),
          ]}
        />
        <Select
          name="due"
          label="Due"
          value={filters.due}
          options={[
            { value: "", label: "Any time" },
            { value: "overdue", label: "Overdue (open requests)" },
            { value: "week", label: "Due within 7 days (open requests)" },
            { value: "later", label: "Due later (open requests)" },
          ]}
        />
        <Select
          name="route"
          label="Route"
          value={filters.route}
          options={[{ value: "", label: "Any route" }, ...Object.values(RequestRoute).map((r) => ({ value: r, label: ROUTE_LABELS[r] }))]}
        />
        <Select
          name="referral"
          label="Referral"
          value={filters.referral}
          options={[{ value: "", label: "Any, or none" }, ...REFERRAL_FILTERS.map((f) => ({ value: f, label: REFERRAL_FILTER_LABELS[f] }))]}
        />
        <Select
          name="type"
          label="Type"
          value={filters.type}
          options={[{ value: "", label: "Any type" }, ...Object.values(RequestType).map((t) => ({ value: t, label: REQUEST_TYPE_LABELS[t] }))]}
        />
        <Select
          name="jurisdiction"
          label="Law"
          value={filters.jurisdiction}
          options={[{ value: "", label: "Any law" }, ...Object.values(Jurisdiction).map((j) => ({ value: j, label: JURISDICTION_LABELS[j] }))]}
        />
        <Select name="assignee" label="Assignee" value={filters.assignee} options={assignees} />
        <Select
          name="verified"
          label="Email confirmed"
          value={filters.verified}
          options={[
            { value: "", label: "Either" },
            { value: "yes", label: "Confirmed" },
            { value: "no", label: "Not confirmed" },
          ]}
        />
        <Select
          name="duplicate"
          label="Possible duplicate"
          value={filters.duplicate}
          options={[
            { value: "", label: "Either" },
            { value: "flagged", label: "Flagged, not decided yet" },
          ]}
        />
        <Select
          name="identity"
          label="Identity check"
          value={filters.identity}
          options={[
            { value: "", label: "Any" },
            { value: "officer", label: "Waiting for your decision" },
          ]}
        />
        <Select
          name="filed"
          label="Made by"
          value={filters.filed}
          options={[
            { value: "", label: "Anyone" },
            { value: "AGENT", label: "An authorized agent" },
            { value: "PARENT", label: "A parent or guardian" },
          ]}
        />
        <Select name="received" label="Received in" value={filters.received} options={monthOptions(filters.received, "Any month")} />
        <Select name="closed" label="Answered in (completed or denied)" value={filters.closed} options={monthOptions(filters.closed, "Any month, or not yet")} />
        <Select
          name="sort"
          label="Sort by"
          value={filters.sort}
          options={[
            { value: "due", label: "Due date, soonest first" },
            { value: "received", label: "Received, newest first" },
          ]}
        />
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <button type="submit" className={buttonClass("primary")}>
          Apply filters
        </button>
        <a href={QUEUE_PATH} className="text-blue-700 underline underline-offset-4 hover:text-blue-900">
          Clear filters
        </a>
      </div>
    </form>
  );
}
