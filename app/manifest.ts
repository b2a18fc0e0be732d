import type { MetadataRoute } from "next";
import { getLocale, getTranslations } from "next-intl/server";

/** The installable app: it opens on the teammate's messages (staff land on their own home from there). */
export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  return {
    id: "/me",
    name: "Shiftline",
    short_name: "Shiftline",
    description: t("app.description"),
    lang: locale,
    start_url: "/me",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    theme_color: "#0f766e",
    background_color: "#ffffff",
    categories: ["business", "productivity"],
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-192.png", sizes: "192x192", type: "image/png", purpose: "maskable" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
    ],
    shortcuts: [
      { name: t("nav.messages"), url: "/me/messages" },
      { name: t("nav.schedule"), url: "/me/schedule" },
    ],
  };
}
