import "server-only";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import type { Locale } from "@/lib/i18n/locales";

/** The language of this user's pages and of what Shiftline sends them. */
export async function setLocale(user: SessionUser, locale: Locale): Promise<void> {
  await db.user.updateMany({ where: { id: user.id, organizationId: user.organizationId }, data: { locale } });
}
