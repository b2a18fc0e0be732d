// Presence as it travels on a staff event stream (lib/realtime/presence.ts), read by
// components/presence. Never logged, never sent to a teammate.

/** The SSE event name: it carries no id, so it never moves a stream's resume position. */
export const PRESENCE_EVENT = "presence";

/** What a manager is typing in a thread: a reply to the teammate, or a private note. */
export type PresenceTyping = "reply" | "note";

export type PresenceEntry = {
  /** One per manager and browser tab. */
  key: string;
  userId: string;
  name: string;
  conversationId: string;
  typing: PresenceTyping | null;
};

/** The whole picture (a stream's first), or one change. */
export type PresenceWire = { all: PresenceEntry[] } | { set: PresenceEntry } | { gone: string };

/** How often an open thread repeats its signal, at most. */
export const PRESENCE_REPEAT_MS = 3_000;
