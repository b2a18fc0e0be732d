import "server-only";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { config } from "@/lib/config";
import { authSecret } from "@/lib/auth/secret";
import { LINK_MARK, openSecret, withLink } from "./secrets";

/**
 * The development outbox: with SHIFTLINE_DEV_OUTBOX=1 (or under `next dev`), and only while
 * no e-mail provider is set, the outbox shows e-mails whole, password links included, so a
 * developer can follow them. Never where real people have accounts.
 */
export function devOutbox(): boolean {
  const c = config();
  return !c.RESEND_API_KEY && (c.SHIFTLINE_DEV_OUTBOX === "1" || process.env.NODE_ENV === "development");
}

// Links e-mailed before links were sealed: shown masked too.
const LEGACY_LINK = /(\/(?:welcome|reset-password)\/)[A-Za-z0-9_-]{20,100}/g;

/**
 * The outbox read in the app: everyone sees the e-mails sent to their own address; an admin
 * sees every e-mail of the organisation. A link to set a password is never shown (`hidden`
 * stands in its place), but in the development outbox.
 */
export async function listOutbox(user: SessionUser, hidden: string, take = 50) {
  const rows = await db.emailOutbox.findMany({
    where:
      user.role === "ADMIN"
        ? { organizationId: user.organizationId }
        : { organizationId: user.organizationId, toEmail: user.email },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      toEmail: true,
      subject: true,
      text: true,
      secret: true,
      status: true,
      provider: true,
      error: true,
      createdAt: true,
      sentAt: true,
    },
  });
  const dev = devOutbox();
  return rows.map(({ secret, text, ...row }) => {
    const link = dev && secret ? openSecret(secret, authSecret()) : null;
    return {
      ...row,
      text: link ? withLink(text, link) : text.split(LINK_MARK).join(hidden).replace(LEGACY_LINK, `$1${hidden}`),
    };
  });
}
