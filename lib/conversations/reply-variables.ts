// Saved replies' variables: written {{firstName}} in a reply, filled from the thread where it
// is inserted (lib/replies/queries.ts replyValues). In the core because what may be sent is
// the core's: the server (lib/inbox/send.ts) and the reply box both refuse a text with a
// variable left in it. Pure: no server-only import.

export const REPLY_VARIABLES = [
  "firstName",
  "myFirstName",
  "shiftDate",
  "shiftStart",
  "shiftEnd",
  "shiftPlace",
  "shiftActivity",
] as const;
export type ReplyVariable = (typeof REPLY_VARIABLES)[number];
export type ReplyValues = Partial<Record<ReplyVariable, string>>;

const TOKEN = new RegExp(`\\{\\{\\s*(${REPLY_VARIABLES.join("|")})\\s*\\}\\}`, "g");

/** The reply with each variable the thread has a value for filled in; the others stay, listed in `missing`. */
export function fillReply(template: string, values: ReplyValues): { text: string; missing: ReplyVariable[] } {
  const missing = new Set<ReplyVariable>();
  const text = template.replace(TOKEN, (token, name: ReplyVariable) => {
    const value = values[name];
    if (value) return value;
    missing.add(name);
    return token;
  });
  return { text, missing: [...missing] };
}

/** The first variable still unfilled in a text about to be sent, if any. */
export function unfilledVariable(text: string): ReplyVariable | null {
  TOKEN.lastIndex = 0;
  const m = TOKEN.exec(text);
  TOKEN.lastIndex = 0;
  return (m?.[1] as ReplyVariable | undefined) ?? null;
}

/** The reply's body in the reader's language: theirs if written, else the other one. */
export function replyBodyFor(reply: { bodyEn: string | null; bodyFr: string | null }, locale: string): string {
  return (locale === "fr" ? (reply.bodyFr ?? reply.bodyEn) : (reply.bodyEn ?? reply.bodyFr)) ?? "";
}
