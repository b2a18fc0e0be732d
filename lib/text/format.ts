// Dates shown in the organisation's time zone, the same on server and client.

export function formatTime(d: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone }).format(d);
}

export function formatDay(d: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone }).format(d);
}

export function formatDateTime(d: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone }).format(d);
}

/** "14:05" today, "Mon 3 Mar" otherwise: the contact list's compact time. */
export function formatListTime(d: Date, timeZone: string, now = new Date()): string {
  const day = (x: Date) => new Intl.DateTimeFormat("en-CA", { timeZone }).format(x);
  if (day(d) === day(now)) return formatTime(d, timeZone);
  return new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone }).format(d);
}

export function dayKey(d: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone }).format(d);
}

/** "Monday 16 November 2026, 07:00–15:00": a shift's day and hours. */
export function formatShiftTime(startsAt: Date, endsAt: Date, timeZone: string): string {
  return `${formatDay(startsAt, timeZone)}, ${formatTime(startsAt, timeZone)}–${formatTime(endsAt, timeZone)}`;
}
