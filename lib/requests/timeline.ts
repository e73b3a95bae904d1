/** How a public audit event reads on the requester's status page. */
export function timelineEntry(action: string, data: unknown): { title: string; detail?: string } {
  const d = (data ?? {}) as Record<string, unknown>;
  switch (action) {
    case "request.submitted":
      return { title: "Request received", detail: "We saved your request." };
    case "request.verified":
      return {
        title: "Email confirmed",
        detail: typeof d.dueDate === "string" ? `We will answer by ${formatDay(d.dueDate)}.` : undefined,
      };
    case "request.closed_unverified":
      return {
        title: "Closed: email not confirmed",
        detail: "The email address was not confirmed within 7 days, so we closed the request and erased the details you gave.",
      };
    default:
      return { title: "Request updated" };
  }
}

function formatDay(isoDate: string): string {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${isoDate}T00:00:00Z`));
}
