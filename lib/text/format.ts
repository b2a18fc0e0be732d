// Dates shown in the organisation's time zone, the same on server and client.
// Intl.DateTimeFormat is costly to build (it was a quarter of a list page's CPU),
// so each (style, time zone) pair is built once and kept.

const STYLES = {
  time: { locale: "en-GB", options: { hour: "2-digit", minute: "2-digit" } },
  day: { locale: "en-GB", options: { weekday: "long", day: "numeric", month: "long", year: "numeric" } },
  dateTime: { locale: "en-GB", options: { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" } },
  shortDay: { locale: "en-GB", options: { weekday: "short", day: "numeric", month: "short" } },
  key: { locale: "en-CA", options: {} },
} as const satisfies Record<string, { locale: string; options: Intl.DateTimeFormatOptions }>;

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(style: keyof typeof STYLES, timeZone: string): Intl.DateTimeFormat {
  const k = `${style}|${timeZone}`;
  let f = cache.get(k);
  if (!f) {
    f = new Intl.DateTimeFormat(STYLES[style].locale, { ...STYLES[style].options, timeZone });
    cache.set(k, f);
  }
  return f;
}

export function formatTime(d: Date, timeZone: string): string {
  return formatter("time", timeZone).format(d);
}

export function formatDay(d: Date, timeZone: string): string {
  return formatter("day", timeZone).format(d);
}

export function formatDateTime(d: Date, timeZone: string): string {
  return formatter("dateTime", timeZone).format(d);
}

/** "YYYY-MM-DD" of the day that holds `d` in the time zone. */
export function dayKey(d: Date, timeZone: string): string {
  return formatter("key", timeZone).format(d);
}

/** "14:05" today, "Mon 3 Mar" otherwise: the contact list's compact time. */
export function formatListTime(d: Date, timeZone: string, now = new Date()): string {
  return dayKey(d, timeZone) === dayKey(now, timeZone) ? formatTime(d, timeZone) : formatter("shortDay", timeZone).format(d);
}

/** "Monday, 16 November 2026, 07:00–15:00": a shift's day and hours. */
export function formatShiftTime(startsAt: Date, endsAt: Date, timeZone: string): string {
  return `${formatDay(startsAt, timeZone)}, ${formatTime(startsAt, timeZone)}–${formatTime(endsAt, timeZone)}`;
}
