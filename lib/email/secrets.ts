import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

// What in an e-mail only its recipient may read: the link that sets a password. The outbox
// keeps the e-mail's text with a mark in its place (LINK_MARK) and the link itself sealed
// (AES-256-GCM, a key derived from the server's secret). The link is put back only to send
// the e-mail, then forgotten; nobody reading the outbox sees it. No server-only import: the
// end-to-end tests open what the server sealed, with the secret they gave it.

/** Where the sealed link goes in the stored text. */
export const LINK_MARK = "⟦link⟧";

const keyOf = (serverSecret: string) =>
  Buffer.from(hkdfSync("sha256", serverSecret, "shiftline", "e-mail secrets", 32));

export function sealSecret(value: string, serverSecret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyOf(serverSecret), iv);
  const sealed = Buffer.concat([cipher.update(value, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), sealed].map((b) => b.toString("base64url")).join(".");
}

/** The value, or null when it was not sealed with this secret (or was tampered with). */
export function openSecret(sealed: string, serverSecret: string): string | null {
  const [iv, tag, data] = sealed.split(".").map((p) => Buffer.from(p, "base64url"));
  if (!iv || !tag || !data) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyOf(serverSecret), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** The text as sent: the mark replaced by the link. */
export const withLink = (text: string, link: string) => text.split(LINK_MARK).join(link);
