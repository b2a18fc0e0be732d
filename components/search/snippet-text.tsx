import type { SnippetPart } from "@/lib/text/snippet";

/** A search result's words in context, the matching ones marked. */
export function SnippetText({ parts, className = "" }: { parts: SnippetPart[]; className?: string }) {
  return (
    <span className={className} data-testid="search-snippet">
      {parts.map((p, i) =>
        p.hit ? (
          <mark key={i} className="rounded-sm bg-highlight px-0.5 text-ink">
            {p.text}
          </mark>
        ) : (
          p.text
        ),
      )}
    </span>
  );
}
