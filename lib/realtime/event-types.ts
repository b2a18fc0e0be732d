import type { EventAudience } from "@/lib/db/generated/enums";

// The one list of live event types with their payloads, shared by every writer
// (lib/realtime/append.ts) and by the client code that reads them
// (components/live). Dates travel as ISO strings.

/** What staff did about a shift question (put into words by lib/conversations/shift-action.ts). */
export type ShiftAction =
  | {
      kind: "assignmentDeleted";
      by: string;
      /** ISO */
      at: string;
      /** set: an unavailability was added for the shift's slot; already: one covered it. */
      unavailable: "set" | "already" | "none";
      period?: { startsAt: string; endsAt: string; reason: string | null };
    }
  // A sentence stored before actions were data; shown as it is.
  | { kind: "legacy"; text: string };

export type WireShift = { id: string; startsAt: string; endsAt: string; place: string; activity: { name: string } };

/** A file a message carries (or one uploaded and waiting for its message). Opened through /api/files/:id. */
export type WireAttachment = {
  id: string;
  name: string;
  size: number;
  mimeType: string;
  width: number | null;
  height: number | null;
};

/** A message as the thread shows it. Never carries staff-only data (what staff did about a shift question is sent apart, to staff). */
export type WireMessage = {
  id: string;
  seq: number;
  body: string;
  kind: "TEXT" | "SYSTEM" | "SHIFT_QUESTION" | "UNAVAILABILITY_REPORT";
  fromStaff: boolean;
  authorId: string | null;
  authorName: string | null;
  createdAt: string;
  shift: WireShift | null;
  attachments: WireAttachment[];
  /** A chat SYSTEM message as data, worded in each reader's language (components/chat/notice-text.ts). */
  notice: ChatNotice | null;
  /** Its author changed its words after sending it. */
  edited: boolean;
  /** Deleted, by its author or by an admin: its words and files are gone (body empty, no attachments). */
  deleted: "author" | "admin" | null;
  /** A grouped message's copy that asks its reader to confirm they read it: when they did (null: not yet). */
  confirm: { at: string | null } | null;
};

/** Who did what in a chat: "Tess One left", "Max Manager added Theo Two and Ana Roy". */
export type ChatNotice = { key: "left" | "added" | "joined"; actor: string; names?: string[] };

export type WireNote = {
  id: string;
  body: string;
  createdAt: string;
  authorId: string;
  authorName: string;
  /** The managers it names ("@Mia Manager"), told of it. */
  mentions: { id: string; name: string }[];
};

/** Who an inbox thread is with, so a contact list can show a row it did not have yet. */
export type WireContact = { teammateId: string; firstName: string; lastName: string; waitingList: boolean };

export type EventPayloads = {
  /**
   * A message in a conversation; `inbound` when a teammate wrote it (it counts as
   * unread for staff). `contact`: the teammate of an inbox thread (their own name,
   * which the teammate may see).
   */
  "message.created": {
    conversationId: string;
    message: WireMessage;
    preview: string;
    inbound: boolean;
    contact: WireContact | null;
  };
  /**
   * A message was edited or deleted: the message as it now reads (a deleted one carries no words
   * or files). `preview`: the conversation's new last-message preview when this was its last message.
   */
  "message.revised": { conversationId: string; message: WireMessage; preview: string | null };
  /** The teammate confirmed they read a grouped message's copy. */
  "message.confirmed": { conversationId: string; messageId: string; confirmedAt: string };
  /** What staff did about a shift question ("Assignment deleted by …"). */
  "message.action": { conversationId: string; messageId: string; action: ShiftAction };
  "note.created": { conversationId: string; note: WireNote };
  "thread.processed": {
    conversationId: string;
    processed: boolean;
    byFirstName: string | null;
    byName: string | null;
    at: string;
  };
  /** The thread's owner changed (`assignee` null: unassigned). `teammateName` says whose thread, for the assignee's notice. */
  "thread.assigned": {
    conversationId: string;
    assignee: { id: string; name: string; firstName: string } | null;
    by: { id: string; name: string };
    at: string;
    teammateName: string;
  };
  /** A private note names this manager: their badge counts it and a notice says so until they read the thread. */
  "note.mentioned": {
    conversationId: string;
    noteId: string;
    by: { id: string; name: string };
    teammateName: string;
  };
  /** This manager read a thread where they were named: how many notes naming them are left unread. */
  "mentions.seen": { unseen: number };
  /** A message to send later was scheduled, changed, cancelled, sent or failed (`conversationId` null: a grouped one). */
  "scheduled.changed": { conversationId: string | null };
  /** This user's read position moved (their other tabs update their counts). */
  "thread.read": { conversationId: string; lastReadSeq: number };
  /** Assignments or unavailability of these teammates changed. */
  "schedule.changed": { userIds: string[]; shiftId: string | null };
  /** A message in a chat conversation (kept apart from the inbox's, which counts and lists differently). */
  "chat.message": { conversationId: string; message: WireMessage; preview: string };
  /** This user is now in a chat (created with them, or added): its events reach them from here on. */
  "chat.joined": { conversationId: string };
  /** This user left a chat: their other tabs and devices stop receiving it. */
  "chat.left": { conversationId: string };
  /** A chat was created (a public one, for its department), its participants changed, or it was deleted. */
  "chat.changed": { conversationId: string; change: "created" | "members" | "deleted" };
  /**
   * A session of this user ended (signed out, signed out everywhere, disabled, role changed):
   * `sessionId` null means all of them. Their open streams check themselves at once and close.
   */
  "session.ended": { sessionId: string | null };
};

export type EventType = keyof EventPayloads;

/**
 * Who may receive each type. Private notes, the processed state and staff actions
 * are STAFF only: the event log refuses them for any other audience.
 */
export const EVENT_AUDIENCES: { [K in EventType]: readonly EventAudience[] } = {
  "message.created": ["MEMBERS"],
  "message.revised": ["MEMBERS", "CHAT"],
  "message.confirmed": ["MEMBERS"],
  "message.action": ["STAFF"],
  "note.created": ["STAFF"],
  "thread.processed": ["STAFF"],
  "thread.assigned": ["STAFF"],
  "thread.read": ["USER"],
  "scheduled.changed": ["STAFF"],
  "note.mentioned": ["USER"],
  "mentions.seen": ["USER"],
  "schedule.changed": ["STAFF", "USER"],
  "session.ended": ["USER"],
  "chat.message": ["CHAT"],
  "chat.joined": ["USER"],
  "chat.left": ["USER"],
  "chat.changed": ["CHAT"],
};

export const EVENT_TYPES = Object.keys(EVENT_AUDIENCES) as EventType[];

/** Sent by the stream itself, not logged: the client must re-sync in full (it fell too far behind). */
export const RELOAD_EVENT = "reload";

/**
 * Sent by the stream itself every HEARTBEAT_MS, not logged: a page that hears nothing for
 * a few beats knows its connection died without closing (dead mobile data) and reconnects.
 */
export const BEAT_EVENT = "beat";
export const HEARTBEAT_MS = 20_000;
