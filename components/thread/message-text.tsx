import { linkify } from "@/lib/text/linkify";

/**
 * Message text with clickable links. React escapes every part: no HTML from users is rendered.
 * data-user-text: written by someone, in their language, not by Shiftline (tests/e2e/leftovers.ts).
 */
export function MessageText({ text }: { text: string }) {
  return (
    <p data-user-text dir="auto" className="whitespace-pre-wrap break-words [overflow-wrap:anywhere]">
      {linkify(text).map((p, i) =>
        p.kind === "link" ? (
          <a key={i} href={p.href} target="_blank" rel="noopener noreferrer nofollow" className="underline">
            {p.text}
          </a>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </p>
  );
}
