import type { PendingMessage } from "./pending-messages";

// What the reader typed and has not sent yet, kept on this device until it is sent: the
// draft and the outbox survive a reload, a crash or a lost network. Sent messages are
// not kept (the server has them). Signing out clears it (components/sign-out-button.tsx).

export type DeviceDraft = { draft: string; outbox: PendingMessage[] };
const PREFIX = "shiftline.thread.";
const key = (conversationId: string) => `${PREFIX}${conversationId}`;

export function loadDraft(conversationId: string): DeviceDraft | null {
  try {
    const raw = localStorage.getItem(key(conversationId));
    if (!raw) return null;
    const saved = JSON.parse(raw) as Partial<DeviceDraft>;
    const outbox = Array.isArray(saved.outbox)
      ? saved.outbox.filter((m): m is PendingMessage => typeof m?.clientId === "string" && typeof m?.body === "string")
      : [];
    return { draft: typeof saved.draft === "string" ? saved.draft : "", outbox };
  } catch {
    return null; // storage off (private mode) or unreadable: nothing to restore
  }
}

export function saveDraft(conversationId: string, { draft, outbox }: DeviceDraft) {
  const unsent = outbox
    .filter((m) => m.status !== "sent")
    .map(({ clientId, body, attachments, smsCopy }) => ({
      clientId,
      body,
      attachments,
      smsCopy,
      status: "failed" as const,
    }));
  try {
    if (!draft && unsent.length === 0) localStorage.removeItem(key(conversationId));
    else localStorage.setItem(key(conversationId), JSON.stringify({ draft, outbox: unsent }));
  } catch {
    // Storage full or off: the page still works, only a reload would lose the text.
  }
}

/** Forgets every thread's draft and outbox on this device (at sign-out). */
export function clearDrafts() {
  try {
    for (const k of Object.keys(localStorage)) if (k.startsWith(PREFIX)) localStorage.removeItem(k);
  } catch {
    // nothing stored
  }
}
