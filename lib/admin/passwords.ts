import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { db, writeTx, type Tx } from "@/lib/db";
import { sql, writeTransaction } from "@/lib/db/sql";
import type { SqlExec } from "@/lib/db/exec";
import { newId } from "@/lib/db/ids";
import { UserError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { revokeSessions } from "@/lib/auth/session";
import { queueEmailIn } from "@/lib/email/outbox";
import { LINK_MARK } from "@/lib/email/secrets";
import { enqueueIn } from "@/lib/jobs/enqueue-in";
import { jobKind } from "@/lib/jobs/kind";
import { appUrl } from "@/lib/config";
import { translatorFor } from "@/lib/i18n/translator";
import { issueToken, spendToken, type TokenPurpose } from "./tokens";
import { auditRow } from "@/lib/audit/record";
import type { AuditAction, AuditData } from "@/lib/audit/actions";

// Links to set a password go by e-mail to their recipient only: the outbox keeps them sealed
// and never shows them (lib/email/secrets.ts), not even to an admin. Every reset, asked for
// by its owner or sent by an admin, and every password change is in the audit history, and
// a changed password is said by e-mail to the account's owner.

/** Reset e-mails: at most this many per account an hour (earlier links keep working), and requests per caller address. */
export const RESET_LIMITS = { perAccount: 3, perAddress: 10, windowMs: 3600_000 };

type Who = { id: string; organizationId: string };

/** One line of the audit history about an account's password, by whoever did it (null: the owner, signed out). */
function auditPassword(tx: Tx, who: Who, action: AuditAction, actorId: string | null, data: AuditData = {}) {
  return tx.auditEntry.create({
    data: auditRow({ organizationId: who.organizationId, actorId, action, target: { type: "User", id: who.id }, data }),
    select: { id: true },
  });
}

/** The e-mail with a link to set a password, in the person's language: the link, its e-mail and the audit line are stored together. */
export async function sendPasswordLink(
  userId: string,
  purpose: TokenPurpose,
  by?: { name: string; id: string | null },
): Promise<void> {
  await writeTx(async (tx, ex) => {
    const user = await tx.user.findFirstOrThrow({
      where: { id: userId, disabledAt: null },
      select: { id: true, organizationId: true, email: true, firstName: true, locale: true },
    });
    await mailPasswordLink(tx, ex, user, purpose, by?.name);
    if (purpose === "reset")
      await auditPassword(tx, user, by ? "user.password.resetSent" : "user.password.resetRequested", by?.id ?? null);
  });
}

async function mailPasswordLink(
  tx: Tx,
  ex: SqlExec,
  user: Who & { email: string; firstName: string; locale: string },
  purpose: TokenPurpose,
  invitedBy?: string,
): Promise<void> {
  const org = await tx.organization.findUniqueOrThrow({ where: { id: user.organizationId }, select: { name: true } });
  // A reset link leaves the earlier ones working until they expire: asking again never breaks the link already in the inbox.
  const token = await issueToken(tx, user, purpose, { keepEarlier: purpose === "reset" });
  const t = translatorFor(user.locale);
  const values = { name: user.firstName, org: org.name, by: invitedBy ?? "", link: LINK_MARK };
  await queueEmailIn(ex, {
    organizationId: user.organizationId,
    to: user.email,
    subject: t(purpose === "invite" ? "email.invite.subject" : "email.reset.subject", values),
    text: t(purpose === "invite" ? "email.invite.text" : "email.reset.text", values),
    link: `${appUrl()}/${purpose === "invite" ? "welcome" : "reset-password"}/${token}`,
  });
}

const emailHash = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("hex");

export const RESET_REQUEST = jobKind("password.resetRequest", z.object({ email: z.string().min(1).max(320) }), {
  maxAttempts: 3,
});

/**
 * "Forgot your password": the same work and the same answer whether the address has an
 * account or not (a request row and its job; the job looks the account up), so neither the
 * answer nor its time tells which addresses exist. Over the limits, nothing is stored.
 */
export async function requestPasswordReset(email: string, ip: string, now = new Date()): Promise<void> {
  const hash = emailHash(email);
  const since = new Date(now.getTime() - RESET_LIMITS.windowMs);
  await writeTransaction(async (tx) => {
    const count = async (q: ReturnType<typeof sql>) => (await tx.get(q, { n: "int" }))?.n ?? 0;
    const forAddress = await count(
      sql`SELECT COUNT(*) AS "n" FROM "PasswordResetRequest" WHERE "emailHash" = ${hash} AND "createdAt" > ${since}`,
    );
    const fromCaller = await count(
      sql`SELECT COUNT(*) AS "n" FROM "PasswordResetRequest" WHERE "ip" = ${ip} AND "createdAt" > ${since}`,
    );
    if (forAddress >= RESET_LIMITS.perAccount || fromCaller >= RESET_LIMITS.perAddress) return;
    await tx.run(
      sql`INSERT INTO "PasswordResetRequest" ("id", "emailHash", "ip", "createdAt") VALUES (${newId()}, ${hash}, ${ip}, ${now})`,
    );
    // No organisation: the job finds the account (the request itself must not, to take the same time for any address).
    await enqueueIn(tx, RESET_REQUEST, { email: email.trim().toLowerCase() }, { organizationId: null });
  });
}

/** The job: the reset e-mail, when the address is an enabled account's. */
export async function sendRequestedReset(email: string): Promise<void> {
  const user = await db.user.findFirst({ where: { email, disabledAt: null }, select: { id: true } });
  if (user) await sendPasswordLink(user.id, "reset");
}

/** Requests of more than a day ago are forgotten. */
export async function pruneResetRequests(now = new Date()): Promise<number> {
  const { count } = await db.passwordResetRequest.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - 86_400_000) } },
  });
  return count;
}

/** The e-mail that tells an account's owner their password changed (someone else may have changed it). */
async function mailPasswordChanged(tx: Tx, ex: SqlExec, userId: string): Promise<void> {
  const user = await tx.user.findUniqueOrThrow({
    where: { id: userId },
    select: { organizationId: true, email: true, firstName: true, locale: true },
  });
  const t = translatorFor(user.locale);
  await queueEmailIn(ex, {
    organizationId: user.organizationId,
    to: user.email,
    subject: t("email.passwordChanged.subject"),
    text: t("email.passwordChanged.text", { name: user.firstName, link: `${appUrl()}/reset-password` }),
  });
}

/** Sets the password from a link (once), and ends the person's other sessions. Returns who, to sign them in. */
export async function setPasswordWithLink(token: string, purpose: TokenPurpose, password: string) {
  const passwordHash = await hashPassword(password);
  const user = await writeTx(async (tx, ex) => {
    const userId = await spendToken(tx, token, purpose);
    const u = await tx.user.update({
      where: { id: userId },
      data: { passwordHash, lastSignInAt: new Date() },
      select: { id: true, organizationId: true, disabledAt: true },
    });
    if (u.disabledAt) throw new UserError("errors.link.expired");
    if (purpose === "reset") {
      await auditPassword(tx, u, "user.password.reset", u.id);
      await mailPasswordChanged(tx, ex, u.id);
    }
    return u;
  });
  await revokeSessions(user.id, user.organizationId);
  return db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { id: true, sessionVersion: true, role: true, messagingAccess: true },
  });
}

/** Changes one's own password, knowing the current one. Other devices are signed out. */
export async function changeOwnPassword(user: SessionUser, current: string, next: string) {
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(current, row.passwordHash)))
    throw new UserError("errors.password.wrongCurrent", undefined, "current");
  const passwordHash = await hashPassword(next);
  await writeTx(async (tx, ex) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash }, select: { id: true } });
    await auditPassword(tx, user, "user.password.changed", user.id);
    await mailPasswordChanged(tx, ex, user.id);
  });
  await revokeSessions(user.id, user.organizationId);
  return db.user.findUniqueOrThrow({ where: { id: user.id }, select: { id: true, sessionVersion: true } });
}
