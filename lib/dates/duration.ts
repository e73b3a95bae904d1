// A duration in the unit a person would say: "15 minutes", "2 hours", "3 days". Pure.

const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Whole days or hours when the minutes divide evenly, else minutes. */
export function durationWords(minutes: number): string {
  if (minutes >= 1440 && minutes % 1440 === 0) return unit(minutes / 1440, "day");
  if (minutes >= 60 && minutes % 60 === 0) return unit(minutes / 60, "hour");
  return unit(minutes, "minute");
}
