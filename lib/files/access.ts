import "server-only";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { hasMessaging, isStaff, type SessionUser } from "@/lib/auth/roles";
import { departmentOf } from "@/lib/org/departments";
import type { FileOriginal } from "./stored";

// Who may add files to a conversation and open them. Not found and not allowed
// look the same.

export type OpenableFile = Pick<
  FileOriginal,
  "id" | "fileName" | "mimeType" | "size" | "storage" | "storageKey" | "thumbKey"
>;

/**
 * A file this user may open: one sent in a conversation they can read, or their own
 * upload still waiting for its message. Staff read every inbox thread of their
 * organisation; a teammate only their own. In chat (while the option is on): the
 * conversations one is in, and the public ones of one's department not left.
 */
export async function requireOpenableFile(user: SessionUser, id: string): Promise<OpenableFile> {
  const staff = isStaff(user.role);
  const sentIn = (conversation: object) => ({
    messageId: { not: null },
    message: { deletedAt: null },
    conversation: { deletedAt: null, ...conversation },
  });
  // Staff read the inbox with messaging rights only: without them, its files are closed too.
  const inbox = staff
    ? hasMessaging(user)
      ? [sentIn({ kind: "INBOX" as const })]
      : []
    : [sentIn({ kind: "INBOX" as const, teammateId: user.id })];
  const own = staff ? null : await departmentOf(user);
  const chatOn = { organization: { chatEnabled: true } };
  const chat = [
    sentIn({
      ...chatOn,
      kind: { in: ["CHANNEL", "GROUP"] as ("CHANNEL" | "GROUP")[] },
      members: { some: { userId: user.id, leftAt: null } },
    }),
    ...(staff || own
      ? [
          sentIn({
            ...chatOn,
            kind: "CHANNEL" as const,
            members: { none: { userId: user.id } },
            ...(staff ? {} : { departmentId: own }),
          }),
        ]
      : []),
  ];
  const file = await db.attachment.findFirst({
    where: {
      id,
      organizationId: user.organizationId,
      OR: [...inbox, ...chat, { messageId: null, uploaderId: user.id }],
    },
    select: { id: true, fileName: true, mimeType: true, size: true, storage: true, storageKey: true, thumbKey: true },
  });
  if (!file) throw new NotFoundError("errors.notFound.file");
  return file;
}
