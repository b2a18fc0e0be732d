// Times entered and shown in the organisation's time zone, stored in UTC.

/** The UTC instant of a wall-clock time ("2026-11-16T06:00") in a time zone. */
export function zonedToUtc(local: string, timeZone: string): Date {
  const [date, time] = local.split("T") as [string, string];
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  const [h, mi] = time.split(":").map(Number) as [number, number];
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  // Two passes settle the offset, also across a daylight-saving change.
  let t = guess - offsetMs(new Date(guess), timeZone);
  t = guess - offsetMs(new Date(t), timeZone);
  return new Date(t);
}

/** "2026-02-28" is a day of the calendar; "2026-02-31" and "2026-99-99" are not. */
export function isCalendarDay(day: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

/**
 * Whether "2026-11-16T06:00" is a time that happens in the time zone: a real calendar day,
 * hours 00–23, and not in the hour skipped when clocks go forward.
 */
export function isWallClock(local: string, timeZone: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m || !isCalendarDay(m[1]!) || +m[2]! > 23 || +m[3]! > 59) return false;
  return utcToLocalInput(zonedToUtc(local, timeZone), timeZone) === local;
}

/** The wall-clock value for <input type="datetime-local"> of an instant in a time zone. */
export function utcToLocalInput(d: Date, timeZone: string): string {
  const p = parts(d, timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function parts(d: Date, timeZone: string) {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatters.set(timeZone, f);
  }
  const out: Record<string, string> = {};
  for (const p of f.formatToParts(d)) out[p.type] = p.value;
  return out as { year: string; month: string; day: string; hour: string; minute: string; second: string };
}

function offsetMs(d: Date, timeZone: string): number {
  const p = parts(d, timeZone);
  return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - Math.floor(d.getTime() / 1000) * 1000;
}

/** Monday 00:00 UTC of the week that holds `d`, or of ?week=YYYY-MM-DD. */
export function weekStart(d: Date | string = new Date()): Date {
  const x = typeof d === "string" ? new Date(`${d}T00:00:00Z`) : d;
  return new Date(Date.UTC(x.getUTCFullYear(), x.getUTCMonth(), x.getUTCDate() - ((x.getUTCDay() + 6) % 7)));
}

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * 86_400_000);
}
