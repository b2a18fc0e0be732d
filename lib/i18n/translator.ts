import { createTranslator } from "use-intl/core";
import en from "./messages/en.json";
import fr from "./messages/fr.json";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./locales";
import type { Translate } from "./text";

// Holds both catalogues: for server code and scripts (the seed), never for client
// components, which get their language's catalogue from next-intl's provider.
const catalogues = { en, fr } as const;
const translators = new Map<Locale, Translate>();

/**
 * A translator for one language, usable anywhere on the server: in a request, in the
 * background worker, in a script or a test. For text meant for someone else (a system
 * message, an e-mail, an SMS), pass the recipient's language, never the request's.
 */
export function translatorFor(locale: string | null | undefined): Translate {
  const lang = isLocale(locale) ? locale : DEFAULT_LOCALE;
  let t = translators.get(lang);
  if (!t) {
    const intl = createTranslator({ locale: lang, messages: catalogues[lang] });
    t = (key, values) => (intl as unknown as (k: string, v?: object) => string)(key, values);
    translators.set(lang, t);
  }
  return t;
}
