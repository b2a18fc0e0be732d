import "server-only";
import { db } from "@/lib/db";
import { sql, writeTransaction } from "@/lib/db/sql";
import { isStaff, type SessionUser } from "@/lib/auth/roles";
import { requireInboxThread } from "./access";
import { appendEvent } from "@/lib/realtime/append";

/**
 * Moves this staff user's read position in a thread (the caller has checked access)
 * and tells their other open tabs. Opening a thread reads it forward only, and not
 * when the user marked it unread after the page was opened (`openedAt`); "Mark as
 * unread" moves it back and remembers when. One atomic statement either way.
 */
export async function setStaffReadPosition(
  user: SessionUser,
  conversationId: string,
  seq: number,
  how: { forward: true; openedAt: Date } | { forward: false },
): Promise<boolean> {
  const now = new Date();
  return writeTransaction(async (ex) => {
    const moved = how.forward
      ? await ex.get(
          sql`
          INSERT INTO "StaffReadState" ("conversationId", "userId", "lastReadSeq", "updatedAt") VALUES (${conversationId}, ${user.id}, ${seq}, ${now})
          ON CONFLICT ("conversationId", "userId") DO UPDATE SET "lastReadSeq" = excluded."lastReadSeq", "updatedAt" = excluded."updatedAt"
          WHERE "StaffReadState"."lastReadSeq" < excluded."lastReadSeq"
            AND ("StaffReadState"."unreadMarkedAt" IS NULL OR "StaffReadState"."unreadMarkedAt" < ${how.openedAt})
          RETURNING "lastReadSeq"`,
          { lastReadSeq: "int" },
        )
      : await ex.get(
          sql`
          INSERT INTO "StaffReadState" ("conversationId", "userId", "lastReadSeq", "updatedAt", "unreadMarkedAt") VALUES (${conversationId}, ${user.id}, ${seq}, ${now}, ${now})
          ON CONFLICT ("conversationId", "userId") DO UPDATE SET "lastReadSeq" = excluded."lastReadSeq", "updatedAt" = excluded."updatedAt", "unreadMarkedAt" = excluded."unreadMarkedAt"
          RETURNING "lastReadSeq"`,
          { lastReadSeq: "int" },
        );
    if (!moved) return false;
    await appendEvent(
      ex,
      "thread.read",
      { organizationId: user.organizationId, audience: "USER", userId: user.id, conversationId },
      { conversationId, lastReadSeq: seq },
    );
    return true;
  });
}

/**
 * The open page says the reader has seen up to `seq`: forward only, and never past
 * the thread's last message. Staff keep their own position; a teammate's is their
 * membership. Returns the position recorded.
 */
export async function markThreadRead(
  user: SessionUser,
  conversationId: string,
  seq: number,
  openedAt = new Date(),
): Promise<number> {
  const thread = await requireInboxThread(user, conversationId);
  const upTo = Math.min(seq, thread.lastSeq);
  if (isStaff(user.role)) {
    await setStaffReadPosition(user, thread.id, upTo, { forward: true, openedAt });
    await markMentionsSeen(user, thread.id);
  } else
    await db.conversationMember.updateMany({
      where: { conversationId: thread.id, userId: user.id, lastReadSeq: { lt: upTo } },
      data: { lastReadSeq: upTo },
    });
  return upTo;
}

/** Reading a thread reads the notes naming this manager there: their badge and other tabs are told. */
async function markMentionsSeen(user: SessionUser, conversationId: string): Promise<void> {
  // Every read report comes here: a read first, so the common case (no mention) opens no write transaction.
  const pending = await db.noteMention.findFirst({
    where: { userId: user.id, conversationId, seenAt: null },
    select: { noteId: true },
  });
  if (!pending) return;
  await writeTransaction(async (ex) => {
    const seen = await ex.run(sql`UPDATE "NoteMention" SET "seenAt" = ${new Date()}
      WHERE "userId" = ${user.id} AND "conversationId" = ${conversationId} AND "seenAt" IS NULL`);
    if (!seen) return;
    const left = await ex.get(
      sql`SELECT COUNT(*) AS "n" FROM "NoteMention" WHERE "userId" = ${user.id} AND "organizationId" = ${user.organizationId} AND "seenAt" IS NULL`,
      { n: "int" },
    );
    await appendEvent(
      ex,
      "mentions.seen",
      { organizationId: user.organizationId, audience: "USER", userId: user.id },
      { unseen: left?.n ?? 0 },
    );
  });
}
