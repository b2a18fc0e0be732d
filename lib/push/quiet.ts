// Quiet hours: minutes after midnight in the organisation's time zone. A span that ends
// before it starts runs over midnight (22:00 to 07:00).

function minutesInZone(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return n("hour") * 60 + n("minute");
}

export function isQuiet(at: Date, timeZone: string, from: number | null, to: number | null): boolean {
  if (from === null || to === null || from === to) return false;
  const m = minutesInZone(at, timeZone);
  return from < to ? m >= from && m < to : m >= from || m < to;
}

/** "22:30" for 1350. */
export function clockOf(minutes: number | null): string {
  if (minutes === null) return "";
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}
