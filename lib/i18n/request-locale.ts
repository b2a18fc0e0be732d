import "server-only";
import { headers } from "next/headers";
import { DEFAULT_LOCALE, isLocale, negotiate, type Locale } from "./locales";

/** The language of the person making this request: their profile's, else their browser's; English outside a request. */
export async function requestLocale(user?: { locale: string } | null): Promise<Locale> {
  if (user && isLocale(user.locale)) return user.locale;
  try {
    return negotiate((await headers()).get("accept-language"));
  } catch {
    return DEFAULT_LOCALE;
  }
}
