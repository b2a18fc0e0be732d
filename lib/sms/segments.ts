// How an SMS is cut into parts, as carriers count them. Text that fits the GSM 03.38
// alphabet travels 7 bits a character: 160 in one SMS, 153 a part when there are more
// (the rest carries the join); a character of its extension table ({ } [ ] € …) counts
// twice. Anything else (most emoji, many accented capitals, non-Latin scripts) sends
// the whole SMS as UCS-2: 70 UTF-16 units, 67 a part.

const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM_EXTENDED = "^{}\\[~]|€\f";
const BASIC = new Set(GSM_BASIC);
const EXTENDED = new Set(GSM_EXTENDED);

type Encoding = "GSM-7" | "UCS-2";
export type Segmented = { encoding: Encoding; segments: number; units: number };

export function segmentsOf(text: string): Segmented {
  let units = 0;
  let gsm = true;
  for (const ch of text) {
    if (BASIC.has(ch)) units += 1;
    else if (EXTENDED.has(ch)) units += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (!gsm) {
    const u = text.length; // UTF-16 code units
    return { encoding: "UCS-2", units: u, segments: u <= 70 ? 1 : Math.ceil(u / 67) };
  }
  return { encoding: "GSM-7", units, segments: units <= 160 ? 1 : Math.ceil(units / 153) };
}

/** Common look-alikes that would force a whole SMS into UCS-2 for nothing. */
const PLAIN: Record<string, string> = {
  "’": "'",
  "‘": "'",
  "“": '"',
  "”": '"',
  "–": "-",
  "—": "-",
  "…": "...",
  "\u00a0": " ",
  "\u202f": " ",
};

const LOOKALIKE = new RegExp(`[${Object.keys(PLAIN).join("")}]`, "g");

function toGsmFriendly(text: string): string {
  return text.replace(LOOKALIKE, (c) => PLAIN[c] ?? c);
}

/**
 * The SMS copy of a message: its text (typographic quotes and dashes made plain), cut at
 * a word so that text and link fit in `maxSegments`, with "…" where it was cut, then the
 * link to the thread on a line of its own.
 */
export function smsText(body: string, link: string, maxSegments = 4): string {
  const text = toGsmFriendly(body.trim());
  const whole = `${text}\n${link}`;
  if (segmentsOf(whole).segments <= maxSegments) return whole;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (segmentsOf(`${cut(text, mid)}…\n${link}`).segments <= maxSegments) lo = mid;
    else hi = mid - 1;
  }
  return `${cut(text, lo)}…\n${link}`;
}

/** The first `n` UTF-16 units of `text`, back to the last space, never splitting a surrogate pair. */
function cut(text: string, n: number): string {
  let s = text.slice(0, n);
  if (/[\uD800-\uDBFF]$/.test(s)) s = s.slice(0, -1);
  const space = s.lastIndexOf(" ");
  return (space > n * 0.6 ? s.slice(0, space) : s).trimEnd();
}
