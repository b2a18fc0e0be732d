import type { ThreadMessage } from "@/lib/inbox/queries";
import { dayKey, formatDay, formatTime } from "@/lib/text/format";
import { MessageText } from "./message-text";

/**
 * A thread in order with day separators. `mine` decides which side a message
 * sits on: the organisation's side for staff, the teammate's own for a teammate.
 */
export function MessageList({ messages, timeZone, mine }: { messages: ThreadMessage[]; timeZone: string; mine: (m: ThreadMessage) => boolean }) {
  if (messages.length === 0) return <p className="py-8 text-center text-sm text-slate-500">No messages yet. Say hello.</p>;
  let previousDay = "";
  return (
    <ol aria-label="Conversation history" className="flex flex-col gap-2">
      {messages.map((m) => {
        const day = dayKey(m.createdAt, timeZone);
        const separator = day !== previousDay;
        previousDay = day;
        const own = mine(m);
        return (
          <li key={m.id} className="flex flex-col" data-testid="message" data-seq={m.seq}>
            {separator ? (
              <div role="separator" className="my-3 self-center rounded-full bg-slate-200 px-3 py-0.5 text-xs text-slate-600">
                {formatDay(m.createdAt, timeZone)}
              </div>
            ) : null}
            {m.kind === "SYSTEM" ? (
              <div className="self-center text-xs text-slate-500">
                <MessageText text={m.body} />
              </div>
            ) : (
              <div className={`max-w-[80%] ${own ? "self-end" : "self-start"}`}>
                <div className={`rounded-2xl px-3 py-2 text-sm ${own ? "bg-teal-700 text-white" : "border border-slate-200 bg-white"}`}>
                  <MessageText text={m.body} />
                </div>
                <p className={`mt-0.5 text-xs text-slate-500 ${own ? "text-right" : ""}`}>
                  {m.authorName ?? "Shiftline"} · <time dateTime={m.createdAt.toISOString()}>{formatTime(m.createdAt, timeZone)}</time>
                </p>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
