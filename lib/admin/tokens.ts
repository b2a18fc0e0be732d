import "server-only";
import { db, type Tx } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { hashToken as hash, newToken, TOKEN_TTL_MS, type TokenPurpose } from "./token-core";

export type { TokenPurpose };

// Links to set a password (an invitation, a reset): the e-mail carries the token, the
// database only its SHA-256. A link works once and until it expires; a new invitation
// retires the older ones (a reset keeps them: asking again must not break a link on its way).

export async function issueToken(
  tx: Tx,
  user: { id: string; organizationId: string },
  purpose: TokenPurpose,
  opts: { keepEarlier?: boolean } = {},
  now = new Date(),
): Promise<string> {
  const { token, tokenHash } = newToken();
  if (!opts.keepEarlier)
    await tx.userToken.updateMany({ where: { userId: user.id, purpose, usedAt: null }, data: { usedAt: now } });
  await tx.userToken.create({
    data: {
      organizationId: user.organizationId,
      userId: user.id,
      purpose,
      tokenHash,
      expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[purpose]),
    },
  });
  return token;
}

/** Who a link is for, while it still works (to greet them on the page), or null. */
export async function peekToken(token: string, purpose: TokenPurpose, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const row = await db.userToken.findUnique({
    where: { tokenHash: hash(token) },
    select: { userId: true, purpose: true, usedAt: true, expiresAt: true },
  });
  if (!row || row.purpose !== purpose || row.usedAt || row.expiresAt <= now) return null;
  return db.user.findFirst({
    where: { id: row.userId, disabledAt: null },
    select: { id: true, firstName: true, email: true, organizationId: true },
  });
}

/** Uses a link, once: the same statement checks and spends it, so two tabs cannot both use it. */
export async function spendToken(tx: Tx, token: string, purpose: TokenPurpose, now = new Date()): Promise<string> {
  const tokenHash = hash(token);
  const spent = await tx.userToken.updateMany({
    where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (spent.count !== 1) throw new UserError("errors.link.expired");
  const row = await tx.userToken.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true } });
  return row.userId;
}

/** Housekeeping: links used or expired more than a day ago are deleted. */
export async function pruneUserTokens(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - 86_400_000);
  const { count } = await db.userToken.deleteMany({
    where: { OR: [{ expiresAt: { lt: before } }, { usedAt: { lt: before } }] },
  });
  return count;
}
