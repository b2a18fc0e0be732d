import { json, lockRow, sql, type SqlExec } from "@/lib/db/exec";
import { newId } from "@/lib/db/ids";
import { NotFoundError, UserError } from "@/lib/errors";
import { auditIn } from "@/lib/audit/record";
import { appendEvent } from "@/lib/realtime/append";
import type { WireMessage } from "@/lib/realtime/event-types";
import { reindexForSearch, removeFromSearch } from "@/lib/db/search-index";
import { previewOf } from "@/lib/text/preview";
import { streamAudience } from "./audience";
import type { ConversationKind } from "./paths";
import { deletedBy, wireAttachment, type AttachmentRow } from "./wire";

// Editing and deleting a message without losing the record: the text it replaces goes into
// MessageVersion (who, when), the message itself then reads as edited or "Message deleted" on
// every path (page, stream, search, push not yet sent, export), and the audit history says who
// did it. The caller has checked the reader may see the conversation (lib/dispatch); the rules
// of who may change which message are here, for the inbox and chat alike.

export type Reviser = { id: string; admin: boolean };
export type Change = { edit: string } | { delete: true };

const MESSAGE_ROW = {
  id: "text",
  seq: "int",
  kind: "text",
  body: "text",
  authorId: "text?",
  fromStaff: "bool",
  createdAt: "date",
  editedAt: "date?",
  deletedAt: "date?",
  confirmAsked: "bool",
  confirmedAt: "date?",
  firstName: "text?",
  lastName: "text?",
  conversationKind: "text",
  teammateId: "text?",
  departmentId: "text?",
  editWindowMinutes: "int",
} as const;

/** Until when an author may edit a message sent at `sentAt` (the organisation's window; 0 turns editing off). */
const mayEditUntil = (sentAt: Date, windowMinutes: number) => new Date(sentAt.getTime() + windowMinutes * 60_000);

/**
 * Edits or deletes one message of a conversation, in the caller's transaction. The author
 * edits within the organisation's window and deletes at any time; an admin deletes anyone's
 * message (the thread says an admin did). Returns the message as it now reads.
 */
export async function reviseMessage(
  tx: SqlExec,
  r: { organizationId: string; conversationId: string; messageId: string; by: Reviser; change: Change; now?: Date },
): Promise<WireMessage> {
  const now = r.now ?? new Date();
  await lockRow(tx, "Message", r.messageId);
  const m = await tx.get(
    sql`SELECT m."id", m."seq", m."kind", m."body", m."authorId", m."fromStaff", m."createdAt", m."editedAt", m."deletedAt", m."confirmAsked", m."confirmedAt",
      u."firstName", u."lastName", c."kind" AS "conversationKind", c."teammateId", c."departmentId", o."editWindowMinutes"
    FROM "Message" m JOIN "Conversation" c ON c."id" = m."conversationId" JOIN "Organization" o ON o."id" = m."organizationId"
      LEFT JOIN "User" u ON u."id" = m."authorId"
    WHERE m."id" = ${r.messageId} AND m."conversationId" = ${r.conversationId} AND m."organizationId" = ${r.organizationId}`,
    MESSAGE_ROW,
  );
  if (!m) throw new NotFoundError("errors.notFound.message");
  // Only words someone wrote are theirs to change: not a notice, a shift card, or what is already gone.
  if (m.kind !== "TEXT" || m.deletedAt) throw new UserError("errors.revise.gone");
  const own = m.authorId === r.by.id;
  const files = await tx.all(
    sql`SELECT "id", "fileName", "size", "mimeType", "width", "height" FROM "Attachment" WHERE "messageId" = ${m.id} ORDER BY "position"`,
    { id: "text", fileName: "text", size: "int", mimeType: "text", width: "int?", height: "int?" },
  );
  let body: string;
  if ("edit" in r.change) {
    if (!own) throw new UserError("errors.revise.notYours");
    if (m.editWindowMinutes <= 0) throw new UserError("errors.revise.editOff");
    if (now > mayEditUntil(m.createdAt, m.editWindowMinutes))
      throw new UserError("errors.revise.editClosed", { minutes: m.editWindowMinutes });
    body = r.change.edit;
    if (!body.trim() && files.length === 0) throw new UserError("errors.messageRequired", undefined, "body");
    if (body === m.body) return wireOf(m, files, { edited: m.editedAt !== null, deleted: null });
    await tx.run(sql`UPDATE "Message" SET "body" = ${body}, "editedAt" = ${now} WHERE "id" = ${m.id}`);
  } else {
    if (!own && !r.by.admin) throw new UserError("errors.revise.notYours");
    body = "";
    await tx.run(
      sql`UPDATE "Message" SET "body" = '', "deletedAt" = ${now}, "deletedById" = ${r.by.id} WHERE "id" = ${m.id}`,
    );
  }
  const change = "edit" in r.change ? "edited" : "deleted";
  await tx.run(sql`INSERT INTO "MessageVersion" ("id", "organizationId", "messageId", "body", "files", "change", "byId", "at")
    VALUES (${newId()}, ${r.organizationId}, ${m.id}, ${m.body}, ${json(tx, change === "deleted" && files.length ? files.map((f) => f.fileName) : null)},
      ${change}, ${r.by.id}, ${now})`);
  const chat = m.conversationKind !== "INBOX";
  if (change === "edited")
    await reindexForSearch(tx, {
      id: m.id,
      kind: "message",
      organizationId: r.organizationId,
      conversationId: r.conversationId,
      chat,
      authorId: m.authorId,
      fromStaff: m.fromStaff,
      at: m.createdAt,
      text: [body, ...files.map((f) => f.fileName)].join(" "),
    });
  else await removeFromSearch(tx, m.id);
  await auditIn(
    tx,
    {
      organizationId: r.organizationId,
      actorId: r.by.id,
      action: change === "edited" ? "message.edited" : "message.deleted",
      target: { type: "Message", id: m.id },
      // `name`: whose message, as the audit history's "about" column shows it.
      data: {
        conversationId: r.conversationId,
        seq: m.seq,
        name: m.firstName !== null ? `${m.firstName} ${m.lastName ?? ""}` : null,
        ...(own ? {} : { authorId: m.authorId }),
      },
    },
    now,
  );
  const preview = await refreshPreview(tx, r.conversationId, m.seq);
  const message = wireOf({ ...m, body }, change === "deleted" ? [] : files, {
    edited: change === "edited" || m.editedAt !== null,
    deleted: change === "deleted" ? deletedBy(m.authorId, r.by.id) : null,
  });
  const target = {
    organizationId: r.organizationId,
    ...streamAudience({
      id: r.conversationId,
      kind: m.conversationKind as ConversationKind,
      teammateId: m.teammateId,
      departmentId: m.departmentId,
    }),
  };
  await appendEvent(tx, "message.revised", target, { conversationId: r.conversationId, message, preview }, now);
  return message;
}

/** The conversation's last-message preview, again, when the changed message was the last one shown there. */
async function refreshPreview(tx: SqlExec, conversationId: string, seq: number): Promise<string | null> {
  const last = await tx.get(
    sql`SELECT m."seq", m."body" FROM "Message" m WHERE m."conversationId" = ${conversationId} AND m."deletedAt" IS NULL AND m."kind" <> 'SYSTEM'
      ORDER BY m."seq" DESC LIMIT 1`,
    { seq: "int", body: "text" },
  );
  if (last && last.seq > seq) return null;
  const names = last
    ? (
        await tx.all(
          sql`SELECT a."fileName" FROM "Attachment" a JOIN "Message" m ON m."id" = a."messageId"
            WHERE m."conversationId" = ${conversationId} AND m."seq" = ${last.seq} ORDER BY a."position"`,
          { fileName: "text" },
        )
      ).map((a) => a.fileName)
    : [];
  const preview = !last ? "" : last.body.trim() ? previewOf(last.body) : previewOf(`📎 ${names.join(", ")}`);
  await tx.run(sql`UPDATE "Conversation" SET "lastMessagePreview" = ${preview} WHERE "id" = ${conversationId}`);
  return preview;
}

type Row = {
  id: string;
  seq: number;
  kind: string;
  body: string;
  authorId: string | null;
  fromStaff: boolean;
  createdAt: Date;
  confirmAsked: boolean;
  confirmedAt: Date | null;
  firstName: string | null;
  lastName: string | null;
};

function wireOf(m: Row, files: AttachmentRow[], state: Pick<WireMessage, "edited" | "deleted">): WireMessage {
  return {
    id: m.id,
    seq: m.seq,
    body: m.body,
    kind: "TEXT",
    fromStaff: m.fromStaff,
    authorId: m.authorId,
    authorName: m.firstName !== null ? `${m.firstName} ${m.lastName ?? ""}` : null,
    createdAt: m.createdAt.toISOString(),
    shift: null,
    attachments: files.map(wireAttachment),
    notice: null,
    confirm: m.confirmAsked ? { at: m.confirmedAt?.toISOString() ?? null } : null,
    ...state,
  };
}
