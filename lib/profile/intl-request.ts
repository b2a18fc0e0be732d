import { getRequestConfig } from "next-intl/server";
import { headers } from "next/headers";
import { getCurrentUser } from "@/lib/auth/session";
import { isLocale, negotiate } from "@/lib/i18n/locales";

// next-intl's per-request configuration (wired in next.config.js): the signed-in
// user's language, or the browser's before sign-in; the catalogue of that language.
export default getRequestConfig(async () => {
  const user = await getCurrentUser().catch(() => null);
  const locale = user && isLocale(user.locale) ? user.locale : negotiate((await headers()).get("accept-language"));
  return { locale, messages: (await import(`../i18n/messages/${locale}.json`)).default };
});
