import "server-only";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { requireInboxThread } from "@/lib/inbox/access";
import type { WireAttachment } from "@/lib/realtime/event-types";
import { wireAttachment, ATTACHMENT_SELECT } from "@/lib/conversations/wire";

// The Shared Documents panel: every file sent in a conversation, newest first, a page
// at a time (a cursor, so a thread with thousands of files costs one index range).

type SharedFile = WireAttachment & { sharedAt: Date; sharedBy: string };
export type SharedKind = "image" | "document";
export type SharedPage = { files: SharedFile[]; next: string | null };

const SHARED_PAGE_SIZE = 30;

export async function sharedFiles(
  user: SessionUser,
  conversationId: string,
  opts: { kind?: SharedKind; before?: string; take?: number } = {},
): Promise<SharedPage> {
  const thread = await requireInboxThread(user, conversationId);
  const take = opts.take ?? SHARED_PAGE_SIZE;
  const cursor = readCursor(opts.before);
  const rows = await db.attachment.findMany({
    where: {
      conversationId: thread.id,
      organizationId: user.organizationId,
      messageId: { not: null },
      message: { deletedAt: null },
      ...(opts.kind === "image"
        ? { mimeType: { startsWith: "image/" } }
        : opts.kind === "document"
          ? { NOT: { mimeType: { startsWith: "image/" } } }
          : {}),
      ...(cursor ? { OR: [{ sharedAt: { lt: cursor.at } }, { sharedAt: cursor.at, id: { lt: cursor.id } }] } : {}),
    },
    orderBy: [{ sharedAt: "desc" }, { id: "desc" }],
    take: take + 1,
    select: { ...ATTACHMENT_SELECT, sharedAt: true, uploaderId: true },
  });
  const page = rows.slice(0, take);
  const people = await db.user.findMany({
    where: { id: { in: [...new Set(page.map((r) => r.uploaderId))] }, organizationId: user.organizationId },
    select: { id: true, firstName: true, lastName: true },
  });
  const names = new Map(people.map((p) => [p.id, `${p.firstName} ${p.lastName}`]));
  const last = page.at(-1);
  return {
    files: page.map(({ sharedAt, uploaderId, ...a }) => ({
      ...wireAttachment(a),
      sharedAt: sharedAt!,
      sharedBy: names.get(uploaderId) ?? "",
    })),
    next: rows.length > take && last ? `${last.sharedAt!.getTime()}.${last.id}` : null,
  };
}

function readCursor(raw?: string): { at: Date; id: string } | null {
  const m = raw?.match(/^(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/);
  return m ? { at: new Date(Number(m[1])), id: m[2]! } : null;
}
