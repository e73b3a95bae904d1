import { ManualTaskBody, PREVIEW_MANUAL_TASK, subject as taskSubject, type ManualTaskProps } from "@/emails/manual-task";

// The same task again, with a new link (only hashes are kept, so the first link cannot be re-sent).

export type ManualTaskReminderProps = ManualTaskProps & { reminderNumber: number; escalatesAfterThis: boolean };

export function subject(props: ManualTaskReminderProps): string {
  return taskSubject(props);
}

export default function ManualTaskReminder(props: ManualTaskReminderProps) {
  return <ManualTaskBody {...props} />;
}

ManualTaskReminder.PreviewProps = { ...PREVIEW_MANUAL_TASK, reminderNumber: 2, escalatesAfterThis: true } satisfies ManualTaskReminderProps;
