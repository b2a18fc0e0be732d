"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { fromWire, noteFromWire, type ThreadMessage, type ThreadNote } from "@/lib/messaging/wire";
import type { ShiftAction } from "@/lib/messaging/shift-action";
import { useLiveEvent } from "@/components/live/live-events";
import { MessageList } from "./message-list";
import { Composer } from "./composer";
import { useReadReporter } from "./read-reporter";

/**
 * An open conversation kept current from live events: a new message or note is
 * appended from the event's data, a staff action patches its card. A gap in the
 * sequence numbers (something was missed) re-syncs the page from the server.
 */
export function ThreadView({
  conversationId,
  messages,
  notes = [],
  timeZone,
  selfId,
  staff,
  composer,
  openedAt,
}: {
  conversationId: string;
  messages: ThreadMessage[];
  notes?: ThreadNote[];
  timeZone: string;
  /** A teammate's own id: their messages sit on their side. Staff pages put the organisation's messages on theirs. */
  selfId?: string;
  staff: boolean;
  composer: { clientId: string; placeholder?: string };
  /** When the server rendered this page (ISO). */
  openedAt: string;
}) {
  const router = useRouter();
  const [live, setLive] = useState<ThreadMessage[]>([]);
  const [liveNotes, setLiveNotes] = useState<ThreadNote[]>([]);
  const [actions, setActions] = useState<Record<string, ShiftAction>>({});

  const known = new Set(messages.map((m) => m.id));
  const shown = [...messages, ...live.filter((m) => !known.has(m.id))]
    .sort((a, b) => a.seq - b.seq)
    .map((m) => (actions[m.id] ? { ...m, action: actions[m.id]! } : m));
  const knownNotes = new Set(notes.map((n) => n.id));
  const shownNotes = [...notes, ...liveNotes.filter((n) => !knownNotes.has(n.id))];
  const latestSeq = shown.at(-1)?.seq ?? 0;
  const latest = useRef(latestSeq);
  useEffect(() => {
    latest.current = latestSeq;
  }, [latestSeq]);

  const append = (m: ThreadMessage) => setLive((items) => (items.some((x) => x.id === m.id) ? items : [...items, m]));

  useLiveEvent("message.created", (p) => {
    if (p.conversationId !== conversationId) return;
    if (p.message.seq > latest.current + 1) router.refresh();
    append(fromWire(p.message));
  });
  useLiveEvent("note.created", (p) => {
    if (p.conversationId !== conversationId) return;
    const note = noteFromWire(p.note);
    setLiveNotes((items) => (items.some((n) => n.id === note.id) ? items : [...items, note]));
  });
  useLiveEvent("message.action", (p) => {
    if (p.conversationId === conversationId) setActions((a) => ({ ...a, [p.messageId]: p.action }));
  });

  useReadReporter(conversationId, latestSeq, openedAt);

  // Staff read in a pane that scrolls on its own; the teammate's phone page scrolls as a whole.
  const composerBox = (
    <Composer
      conversationId={conversationId}
      clientId={composer.clientId}
      latestSeq={latestSeq}
      placeholder={composer.placeholder}
      allowNotes={staff}
      onSent={append}
    />
  );
  return (
    <>
      <div className={staff ? "min-h-0 flex-1 overflow-y-auto px-5 py-4" : "flex-1 px-4 py-4"}>
        <MessageList
          messages={shown}
          notes={shownNotes}
          timeZone={timeZone}
          side={staff ? "staff" : { userId: selfId ?? "" }}
          staffConversationId={staff ? conversationId : undefined}
        />
      </div>
      {staff ? composerBox : <div className="sticky bottom-16">{composerBox}</div>}
    </>
  );
}
