import { stemmer as englishStem } from "@orama/stemmers/english";
import { stemmer as frenchStem } from "@orama/stemmers/french";

// The words of a text as search sees them, the same for the index and the query, on both
// databases (docs/decisions/015-search.md). A message may be in English or French (a thread
// mixes them), so each word is stemmed both ways: "remplacé" and "remplacer" meet on
// "remplac", "shifts" and "shift" on "shift". Case and accents are folded first, as
// PostgreSQL's configurations do with `unaccent` before their Snowball stemmers.

const WORD = /[\p{L}\p{N}]+/gu;
const MAX_TERMS = 8;
const MAX_WORD = 40;

/** The words of a text, as written (PostgreSQL is given these, space-separated, and folds them itself). */
export function wordsOf(text: string): string[] {
  return (text.match(WORD) ?? []).filter((w) => w.length <= MAX_WORD);
}

/** "Remplacé" → "remplace". */
function foldWord(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/œ/g, "oe").replace(/æ/g, "ae");
}

export type Stems = { en: string; fr: string };

// Words recur (a grouped message's text is indexed once per recipient, and a team's words are
// few): each word's stems are kept, up to STEMS_KEPT words; past that the store starts again.
const STEMS_KEPT = 20_000;
const stemsKept = new Map<string, Stems>();

export function stemsOf(word: string): Stems {
  let stems = stemsKept.get(word);
  if (stems) return stems;
  const folded = foldWord(word);
  stems = { en: englishStem(folded), fr: frenchStem(folded) };
  if (stemsKept.size >= STEMS_KEPT) stemsKept.clear();
  stemsKept.set(word, stems);
  return stems;
}

/** A query's parts: a word, or a phrase in quotes (its words in this order, side by side). Every part must match. */
export type SearchTerm = { words: string[] };

/** `remplacé "night shift" Lyon` → three terms, the second a phrase. At most eight terms. */
export function parseQuery(q: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const m of q.matchAll(/"([^"]*)"?|[^\s"]+/g)) {
    const words = wordsOf(m[1] ?? m[0]);
    if (m[1] !== undefined && words.length > 0) terms.push({ words });
    else terms.push(...words.map((w) => ({ words: [w] })));
  }
  return terms.slice(0, MAX_TERMS);
}

/** Whether a word of a text matches one of the query's words (for showing matches in context). */
export function wordMatcher(terms: SearchTerm[]): (word: string) => boolean {
  const en = new Set<string>();
  const fr = new Set<string>();
  for (const w of terms.flatMap((t) => t.words)) {
    const s = stemsOf(w);
    en.add(s.en);
    fr.add(s.fr);
  }
  return (word) => {
    const s = stemsOf(word);
    return en.has(s.en) || fr.has(s.fr);
  };
}
