import "server-only";
import { db, writeTx } from "@/lib/db";
import { UserError } from "@/lib/api/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { revokeSessions } from "@/lib/auth/session";
import { queueEmailIn } from "@/lib/email/outbox";
import { appUrl } from "@/lib/config";
import { translatorFor } from "@/lib/i18n/translator";
import { issueToken, spendToken, type TokenPurpose } from "./tokens";

/** The e-mail with a link to set a password, in the person's language: the link and its e-mail are stored together. */
export async function sendPasswordLink(userId: string, purpose: TokenPurpose, invitedBy?: string): Promise<void> {
  await writeTx(async (tx, ex) => {
    const user = await tx.user.findFirstOrThrow({
      where: { id: userId, disabledAt: null },
      select: { id: true, organizationId: true, email: true, firstName: true, locale: true },
    });
    const org = await tx.organization.findUniqueOrThrow({ where: { id: user.organizationId }, select: { name: true } });
    const token = await issueToken(tx, user, purpose);
    const t = translatorFor(user.locale);
    const link = `${appUrl()}/${purpose === "invite" ? "welcome" : "reset-password"}/${token}`;
    const values = { name: user.firstName, org: org.name, by: invitedBy ?? "", link };
    await queueEmailIn(ex, {
      organizationId: user.organizationId,
      to: user.email,
      subject: t(purpose === "invite" ? "email.invite.subject" : "email.reset.subject", values),
      text: t(purpose === "invite" ? "email.invite.text" : "email.reset.text", values),
    });
  });
}

/**
 * "Forgot your password": a reset link to the account's address, if there is an enabled
 * account; the answer is the same either way, so it tells nobody which addresses exist.
 */
export async function requestPasswordReset(email: string): Promise<void> {
  const user = await db.user.findFirst({ where: { email: email.toLowerCase(), disabledAt: null }, select: { id: true } });
  if (user) await sendPasswordLink(user.id, "reset");
}

/** Sets the password from a link (once), and ends the person's other sessions. Returns who, to sign them in. */
export async function setPasswordWithLink(token: string, purpose: TokenPurpose, password: string) {
  const passwordHash = await hashPassword(password);
  const user = await writeTx(async (tx) => {
    const userId = await spendToken(tx, token, purpose);
    const u = await tx.user.update({
      where: { id: userId },
      data: { passwordHash, lastSignInAt: new Date() },
      select: { id: true, organizationId: true, disabledAt: true },
    });
    if (u.disabledAt) throw new UserError("errors.link.expired");
    return u;
  });
  await revokeSessions(user.id, user.organizationId);
  return db.user.findUniqueOrThrow({ where: { id: user.id }, select: { id: true, sessionVersion: true, role: true, messagingAccess: true } });
}

/** Changes one's own password, knowing the current one. Other devices are signed out. */
export async function changeOwnPassword(user: SessionUser, current: string, next: string) {
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(current, row.passwordHash))) throw new UserError("errors.password.wrongCurrent", undefined, "current");
  await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(next) } });
  await revokeSessions(user.id, user.organizationId);
  return db.user.findUniqueOrThrow({ where: { id: user.id }, select: { id: true, sessionVersion: true } });
}
