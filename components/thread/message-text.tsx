import { linkify } from "@/lib/text/linkify";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Splits text around "@Name" of the people a note names. */
function byMention(text: string, names: string[]): { mention: boolean; text: string }[] {
  if (!names.length) return [{ mention: false, text }];
  // A capturing split: the names found are the odd parts.
  const pattern = new RegExp(`(@(?:${names.map(escape).join("|")}))`, "iu");
  return text
    .split(pattern)
    .map((part, i) => ({ mention: i % 2 === 1, text: part }))
    .filter((p) => p.text);
}

/**
 * Message text with clickable links, and the people a private note names (`mentions`) marked.
 * React escapes every part: no HTML from users is rendered.
 * data-user-text: written by someone, in their language, not by Shiftline (tests/e2e/leftovers.ts).
 */
export function MessageText({ text, mentions = [] }: { text: string; mentions?: string[] }) {
  return (
    <p data-user-text dir="auto" className="whitespace-pre-wrap break-words [overflow-wrap:anywhere]">
      {linkify(text).map((p, i) =>
        p.kind === "link" ? (
          <a key={i} href={p.href} target="_blank" rel="noopener noreferrer nofollow" className="underline">
            {p.text}
          </a>
        ) : (
          byMention(p.text, mentions).map((m, j) =>
            m.mention ? (
              <span key={`${i}-${j}`} data-testid="mention" className="rounded-sm bg-note-line/60 px-0.5 font-semibold">
                {m.text}
              </span>
            ) : (
              <span key={`${i}-${j}`}>{m.text}</span>
            ),
          )
        ),
      )}
    </p>
  );
}
