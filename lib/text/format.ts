// Dates shown in the organisation's time zone and the reader's language, the same on
// server and client. Intl.DateTimeFormat is costly to build (it was a quarter of a
// list page's CPU), so each (style, language, time zone) is built once and kept.

const STYLES = {
  time: { hour: "2-digit", minute: "2-digit" },
  day: { weekday: "long", day: "numeric", month: "long", year: "numeric" },
  dateTime: { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" },
  shortDay: { weekday: "short", day: "numeric", month: "short" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

// Shiftline's languages as Intl locales: day-month order and a 24-hour clock in both.
const INTL_LOCALES: Record<string, string> = { en: "en-GB", fr: "fr-FR" };

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(style: keyof typeof STYLES | "key", timeZone: string, locale = "en"): Intl.DateTimeFormat {
  const k = `${style}|${locale}|${timeZone}`;
  let f = cache.get(k);
  if (!f) {
    f =
      style === "key"
        ? new Intl.DateTimeFormat("en-CA", { timeZone })
        : new Intl.DateTimeFormat(INTL_LOCALES[locale] ?? "en-GB", { ...STYLES[style], timeZone });
    cache.set(k, f);
  }
  return f;
}

// What a page's server already wrote for its dates (`dateLabels`, handed to `seedDateLabels` in
// the browser): the first Intl object a browser page builds costs 50-130 ms here (its ICU data
// loads), so a page drawn from these starts without it; what arrives later is formatted then.
type Seeded = "time" | "day" | "key";
const seeded = new Map<string, string>();
const seededFrom = new WeakSet<DateLabels>(); // a page's labels are read once, not at each render
const seedKey = (style: Seeded, locale: string, timeZone: string, d: Date) =>
  `${style}|${locale}|${timeZone}|${d.getTime()}`;

function format(style: Seeded, d: Date, timeZone: string, locale = "en"): string {
  // A server never seeds: it formats straight away, with no key to build.
  const label = seeded.size ? seeded.get(seedKey(style, locale, timeZone, d)) : undefined;
  return label ?? formatter(style, timeZone, locale).format(d);
}

/** A page's dates as `formatTime`, `formatDay` and `dayKey` write them: worked out on the server, for the browser. */
export type DateLabels = {
  timeZone: string;
  locale: string;
  at: Record<number, [time: string, day: string, key: string]>;
};

export function dateLabels(dates: Date[], timeZone: string, locale: string): DateLabels {
  const at: DateLabels["at"] = {};
  for (const d of dates)
    at[d.getTime()] = [formatTime(d, timeZone, locale), formatDay(d, timeZone, locale), dayKey(d, timeZone)];
  return { timeZone, locale, at };
}

/**
 * In the browser, before the first render that needs them: `labels` answer `formatTime`,
 * `formatDay` and `dayKey` for their dates. A server keeps nothing (it formats for every reader).
 */
export function seedDateLabels(labels: DateLabels | undefined): void {
  if (!labels || typeof window === "undefined" || seededFrom.has(labels)) return;
  seededFrom.add(labels);
  const { timeZone, locale } = labels;
  for (const [ms, [time, day, key]] of Object.entries(labels.at)) {
    const d = new Date(Number(ms));
    seeded.set(seedKey("time", locale, timeZone, d), time);
    seeded.set(seedKey("day", locale, timeZone, d), day);
    seeded.set(seedKey("key", "en", timeZone, d), key);
  }
}

export function formatTime(d: Date, timeZone: string, locale?: string): string {
  return format("time", d, timeZone, locale);
}

export function formatDay(d: Date, timeZone: string, locale?: string): string {
  return format("day", d, timeZone, locale);
}

export function formatDateTime(d: Date, timeZone: string, locale?: string): string {
  return formatter("dateTime", timeZone, locale).format(d);
}

/** "YYYY-MM-DD" of the day that holds `d` in the time zone. */
export function dayKey(d: Date, timeZone: string): string {
  return format("key", d, timeZone);
}

/** "14:05" today, "Mon 3 Mar" ("lun. 3 mars") otherwise: the contact list's compact time. */
export function formatListTime(d: Date, timeZone: string, locale?: string, now = new Date()): string {
  return dayKey(d, timeZone) === dayKey(now, timeZone)
    ? formatTime(d, timeZone, locale)
    : formatter("shortDay", timeZone, locale).format(d);
}

/** "Monday, 16 November 2026, 07:00–15:00": a shift's day and hours. */
export function formatShiftTime(startsAt: Date, endsAt: Date, timeZone: string, locale?: string): string {
  return `${formatDay(startsAt, timeZone, locale)}, ${formatTimeRange(startsAt, endsAt, timeZone, locale)}`;
}

/** "08:00–14:00": a shift's hours, where its day is said elsewhere (the week grid's column). */
export function formatTimeRange(startsAt: Date, endsAt: Date, timeZone: string, locale?: string): string {
  return `${formatTime(startsAt, timeZone, locale)}–${formatTime(endsAt, timeZone, locale)}`;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, currency?: string): Intl.NumberFormat {
  const k = `${locale}|${currency ?? ""}`;
  let f = numberFormats.get(k);
  if (!f) {
    const tag = INTL_LOCALES[locale] ?? "en-GB";
    f = currency
      ? new Intl.NumberFormat(tag, { style: "currency", currency, currencyDisplay: "narrowSymbol" })
      : new Intl.NumberFormat(tag);
    numberFormats.set(k, f);
  }
  return f;
}

/** "1,234.5" / "1 234,5": a number in the reader's language. */
export function formatNumber(n: number, locale?: string): string {
  return numberFormat(locale ?? "en").format(n);
}

/** "$0.25" / "0,25 $": an amount (an SMS's cost, say) in the reader's language, the currency's narrow symbol. */
export function formatMoney(amount: number, currency: string, locale?: string): string {
  return numberFormat(locale ?? "en", currency).format(amount);
}

const UNITS = ["kilobyte", "megabyte", "gigabyte"] as const;
const byteFormats = new Map<string, Intl.NumberFormat>();

/** "820 kB" / "1,4 Mo": a file's size in the reader's language. Under 1 kB in tenths of a kB ("0.6 kB", not "611 byte"). */
export function formatBytes(bytes: number, locale = "en"): string {
  let i = 0;
  let n = bytes / 1024;
  while (n >= 1000 && i < UNITS.length - 1) {
    n /= 1024;
    i++;
  }
  const tenths = i >= 1 || bytes < 1000;
  const k = `${locale}|${i}|${tenths}`;
  let f = byteFormats.get(k);
  if (!f) {
    f = new Intl.NumberFormat(INTL_LOCALES[locale] ?? "en-GB", {
      style: "unit",
      unit: UNITS[i],
      unitDisplay: "short",
      maximumFractionDigits: tenths ? 1 : 0,
    });
    byteFormats.set(k, f);
  }
  return f.format(n);
}
