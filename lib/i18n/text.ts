import type { Locale } from "./locales";

// Text that is translated where it is read: a catalogue key and its values. A value
// may depend on the reader's language (a date, a period), so it may be a function of it.
export type TextValue = string | number | ((locale: Locale) => string);
export type Text = { key: string; values?: Record<string, TextValue> };
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export function resolveValues(
  values: Record<string, TextValue> | undefined,
  locale: Locale,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(values ?? {})) out[k] = typeof v === "function" ? v(locale) : v;
  return out;
}
