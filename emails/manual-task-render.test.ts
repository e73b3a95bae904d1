import { describe, expect, it } from "vitest";
import { PREVIEW_MANUAL_TASK } from "@/emails/manual-task";
import { renderEmail } from "@/lib/mail/render";

// What a manual system's owner reads: the request, whom to look for, where, by when, and the link.

const task = {
  ...PREVIEW_MANUAL_TASK,
  reference: "DSR-TASK-0001",
  systemName: "Payroll binder",
  dueDate: "2027-01-15",
  identities: [
    { label: "Email", value: "ana.souza@example.org" },
    { label: "Phone number", value: "+49 30 1234567" },
  ],
  collections: [{ name: "salary sheets", categories: ["user.financial"] }, { name: "notes", categories: [] }],
  taskUrl: "https://privacy.example/tasks/task-token-1",
  answerBy: "2026-12-04T10:00:00.000Z",
};

describe("manual-task", () => {
  it("says which request, whom and where to look for, by when, and links the answer page", async () => {
    const email = await renderEmail("manual-task", task);
    expect(email.subject).toBe("Privacy request DSR-TASK-0001: please check Payroll binder");
    for (const part of [email.text, email.html]) {
      expect(part).toContain("ana.souza@example.org");
      expect(part).toContain("+49 30 1234567");
      expect(part).toContain("salary sheets");
      expect(part).toContain("user.financial");
      expect(part).toContain("any personal data");
      expect(part).toMatch(/15 January 2027|January 15, 2027/);
      expect(part).toMatch(/4 December 2026|December 4, 2026/);
    }
    expect(email.text).toContain("Answer for Payroll binder https://privacy.example/tasks/task-token-1");
    expect(email.html).toContain('href="https://privacy.example/tasks/task-token-1"');
    expect(email.text).not.toContain("reminder");
  });

  it("reminds, and says the last reminder escalates", async () => {
    const email = await renderEmail("manual-task-reminder", { ...task, reminderNumber: 2, escalatesAfterThis: true });
    expect(email.subject).toBe("Reminder: Privacy request DSR-TASK-0001: please check Payroll binder");
    expect(email.text).toContain("This is reminder 2.");
    expect(email.text).toContain("privacy team will follow up");
    const early = await renderEmail("manual-task-reminder", { ...task, reminderNumber: 1, escalatesAfterThis: false });
    expect(early.text).not.toContain("privacy team will follow up");
  });

  it("tells the privacy team which system was not checked, without the person's details", async () => {
    const email = await renderEmail("manual-task-escalated", {
      org: task.org,
      reference: "DSR-TASK-0001",
      systemName: "Payroll binder",
      remindersSent: 2,
      requestUrl: "https://privacy.example/admin/requests/r1",
    });
    expect(email.subject).toBe("Nobody has checked Payroll binder for request DSR-TASK-0001");
    expect(email.text).toContain("after 2 reminders");
    expect(email.text).not.toContain("ana.souza");
  });
});
