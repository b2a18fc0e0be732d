import { wordMatcher, type SearchTerm } from "@/lib/db/search-words";

/** A piece of a search result's text; `hit`: a word the query matched. */
export type SnippetPart = { text: string; hit: boolean };

const SPLIT = /([\p{L}\p{N}]+)/u;

/**
 * The words around a search's first match in `text` (about `width` characters), with
 * each matching word marked: "…can you replace me on Friday…". Whitespace is folded.
 */
export function snippetOf(text: string, terms: SearchTerm[], width = 160): SnippetPart[] {
  const flat = text.replace(/\s+/g, " ").trim();
  const matches = wordMatcher(terms);
  const pieces = flat.split(SPLIT).filter(Boolean);
  let offset = 0;
  let first = -1;
  const marked = pieces.map((p) => {
    const hit = SPLIT.test(p) && p.length <= 40 && matches(p);
    if (hit && first < 0) first = offset;
    offset += p.length;
    return { text: p, hit };
  });
  // A window that starts a little before the first match.
  const start = first > width / 3 ? first - Math.floor(width / 3) : 0;
  const end = start + width;
  const out: SnippetPart[] = [];
  let at = 0;
  for (const part of marked) {
    const from = at;
    at += part.text.length;
    if (at <= start || from >= end) continue;
    const text = part.hit ? part.text : part.text.slice(Math.max(0, start - from), end - from);
    const last = out.at(-1);
    if (last && !last.hit && !part.hit) last.text += text;
    else out.push({ text, hit: part.hit });
  }
  if (start > 0) out.unshift({ text: "…", hit: false });
  if (end < flat.length) out.push({ text: "…", hit: false });
  return out;
}
