import "server-only";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";

/**
 * The outbox a developer (or an organisation without an e-mail provider) reads in the
 * app: everyone sees the e-mails sent to their own address; an admin sees every e-mail
 * of the organisation.
 */
export async function listOutbox(user: SessionUser, take = 50) {
  return db.emailOutbox.findMany({
    where: user.role === "ADMIN" ? { organizationId: user.organizationId } : { organizationId: user.organizationId, toEmail: user.email },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, toEmail: true, subject: true, text: true, status: true, provider: true, error: true, createdAt: true, sentAt: true },
  });
}
