import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { I18nProvider } from "@/lib/i18n/client";
import { clientMessages } from "@/lib/i18n/client-messages";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return {
    title: { default: "Shiftline", template: "%s · Shiftline" },
    description: t("app.description"),
    applicationName: "Shiftline",
    icons: { icon: "/icon.svg", apple: "/icons/apple-touch-icon.png" },
    // Added to an iPhone's Home Screen, it opens full screen like the installed app elsewhere.
    appleWebApp: { capable: true, title: "Shiftline", statusBarStyle: "default" },
  };
}

// viewport-fit=cover: the page reaches under a phone's notch; the bars keep clear with safe-area insets.
export const viewport: Viewport = {
  themeColor: "#0f766e",
  width: "device-width",
  initialScale: 1,
  viewportFit: "cover",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, t, messages, h] = await Promise.all([getLocale(), getTranslations(), getMessages(), headers()]);
  // The request's id (scripts/server.mjs): what an error page gives as its reference.
  const requestId = h.get("x-request-id");
  return (
    <html lang={locale}>
      <head>{requestId ? <meta name="shiftline-request" content={requestId} /> : null}</head>
      <body>
        <a
          href="#main"
          className="sr-only z-50 rounded-control bg-white px-4 py-3 font-medium text-teal-900 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
        >
          {t("nav.skipToContent")}
        </a>
        <I18nProvider locale={locale} messages={clientMessages(messages)}>
          {children}
        </I18nProvider>
      </body>
    </html>
  );
}
