"use client";

import { createContext, useContext, useMemo } from "react";
import { formatMessage, type MessageValues } from "./format-message";

// Client components' translations: the same calls as next-intl's (useTranslations,
// useLocale) over the catalogue the root layout hands down, without shipping an ICU
// formatter library to the browser (decision 013). Server code keeps next-intl.

import type { Catalogue } from "./client-messages";
type I18n = { locale: string; messages: Catalogue };
export type ClientTranslate = ((key: string, values?: MessageValues) => string) & { has: (key: string) => boolean };

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ locale, messages, children }: I18n & { children: React.ReactNode }) {
  const value = useMemo(() => ({ locale, messages }), [locale, messages]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

/** More namespaces for what it wraps (staff pages: `staffClientMessages`), beside the root layout's. */
export function MoreMessages({ messages, children }: { messages: Catalogue; children: React.ReactNode }) {
  const parent = useI18n();
  const value = useMemo(() => ({ ...parent, messages: { ...parent.messages, ...messages } }), [parent, messages]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error("I18nProvider is missing");
  return i18n;
}

export function useLocale(): string {
  return useI18n().locale;
}

function lookup(messages: Catalogue, path: string): string | undefined {
  let node: string | Catalogue | undefined = messages;
  for (const part of path.split(".")) node = typeof node === "object" ? node[part] : undefined;
  return typeof node === "string" ? node : undefined;
}

export function useTranslations(namespace?: string): ClientTranslate {
  const { locale, messages } = useI18n();
  return useMemo(() => {
    const full = (key: string) => (namespace ? `${namespace}.${key}` : key);
    const t = (key: string, values?: MessageValues) => {
      const message = lookup(messages, full(key));
      if (message === undefined) {
        console.error(`Missing message ${full(key)} (${locale})`);
        return full(key);
      }
      try {
        return formatMessage(message, values, locale);
      } catch (error) {
        console.error(`Cannot format ${full(key)} (${locale})`, error);
        return full(key);
      }
    };
    return Object.assign(t, { has: (key: string) => lookup(messages, full(key)) !== undefined });
  }, [namespace, locale, messages]);
}
