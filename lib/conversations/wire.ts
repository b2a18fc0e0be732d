import type { ChatNotice, WireAttachment, WireMessage, WireNote } from "@/lib/realtime/event-types";
import { readShiftAction, type ShiftAction } from "./shift-action";

// A message as pages hold it (Dates) and as events and responses carry it (ISO
// strings). Pages render ThreadMessage; live events arrive as WireMessage.

export type ThreadShift = { id: string; startsAt: Date; endsAt: Date; place: string; activity: { name: string } };

export type ThreadMessage = Omit<WireMessage, "createdAt" | "shift"> & {
  createdAt: Date;
  shift: ThreadShift | null;
  /** What staff did about a shift question: staff pages only, null for a teammate. */
  action: ShiftAction | null;
};

export type ThreadNote = Omit<WireNote, "createdAt"> & { createdAt: Date };

export const ATTACHMENT_SELECT = {
  id: true,
  fileName: true,
  size: true,
  mimeType: true,
  width: true,
  height: true,
} as const;

export const THREAD_MESSAGE_SELECT = {
  id: true,
  seq: true,
  body: true,
  kind: true,
  fromStaff: true,
  createdAt: true,
  authorId: true,
  editedAt: true,
  deletedAt: true,
  deletedById: true,
  confirmAsked: true,
  confirmedAt: true,
  action: true,
  notice: true,
  shift: { select: { id: true, startsAt: true, endsAt: true, place: true, activity: { select: { name: true } } } },
  author: { select: { firstName: true, lastName: true } },
  attachments: { select: ATTACHMENT_SELECT, orderBy: { position: "asc" } },
} as const;

export type AttachmentRow = {
  id: string;
  fileName: string;
  size: number;
  mimeType: string;
  width: number | null;
  height: number | null;
};
type Row = Omit<
  ThreadMessage,
  "authorName" | "action" | "attachments" | "notice" | "edited" | "deleted" | "confirm"
> & {
  confirmAsked: boolean;
  confirmedAt: Date | null;
  author: { firstName: string; lastName: string } | null;
  editedAt: Date | null;
  deletedAt: Date | null;
  deletedById: string | null;
  action: unknown;
  notice: unknown;
  attachments: AttachmentRow[];
};

export function threadMessage({
  author,
  action,
  attachments,
  notice,
  editedAt,
  deletedAt,
  deletedById,
  confirmAsked,
  confirmedAt,
  ...m
}: Row): ThreadMessage {
  const deleted = deletedAt ? deletedBy(m.authorId, deletedById) : null;
  return {
    ...m,
    body: deleted ? "" : m.body,
    action: readShiftAction(action),
    notice: readNotice(notice),
    authorName: author ? `${author.firstName} ${author.lastName}` : null,
    attachments: deleted ? [] : attachments.map(wireAttachment),
    edited: editedAt !== null,
    deleted,
    confirm: confirmAsked ? { at: confirmedAt?.toISOString() ?? null } : null,
  };
}

/** Who deleted a message, as its readers are told: its author, or an admin. */
export const deletedBy = (authorId: string | null, byId: string | null) =>
  byId && byId !== authorId ? ("admin" as const) : ("author" as const);

export function wireAttachment({ fileName, ...a }: AttachmentRow): WireAttachment {
  return { ...a, name: fileName };
}

export function toWire({ action: _staffOnly, ...m }: ThreadMessage): WireMessage {
  void _staffOnly;
  return {
    ...m,
    createdAt: m.createdAt.toISOString(),
    shift: m.shift
      ? { ...m.shift, startsAt: m.shift.startsAt.toISOString(), endsAt: m.shift.endsAt.toISOString() }
      : null,
  };
}

export function fromWire(m: WireMessage): ThreadMessage {
  return {
    ...m,
    createdAt: new Date(m.createdAt),
    shift: m.shift ? { ...m.shift, startsAt: new Date(m.shift.startsAt), endsAt: new Date(m.shift.endsAt) } : null,
    action: null,
  };
}

export function noteToWire(n: ThreadNote): WireNote {
  return { ...n, createdAt: n.createdAt.toISOString() };
}

export function noteFromWire(n: WireNote): ThreadNote {
  return { ...n, createdAt: new Date(n.createdAt) };
}

export const shiftToWire = (s: ThreadShift) => ({
  ...s,
  startsAt: s.startsAt.toISOString(),
  endsAt: s.endsAt.toISOString(),
});

const NOTICE_KEYS: readonly ChatNotice["key"][] = ["left", "added", "joined"];

/** A stored notice, or null when it is not one this version knows how to word. */
function readNotice(value: unknown): ChatNotice | null {
  const v = (typeof value === "string" ? JSON.parse(value) : value) as Partial<ChatNotice> | null;
  if (!v || !NOTICE_KEYS.includes(v.key as ChatNotice["key"]) || typeof v.actor !== "string") return null;
  const names = Array.isArray(v.names) ? v.names.filter((n): n is string => typeof n === "string") : undefined;
  return { key: v.key as ChatNotice["key"], actor: v.actor, ...(names ? { names } : {}) };
}
