import { createHash, randomBytes } from "node:crypto";

// The pure part of password links, shared by the app (lib/admin/tokens.ts) and the
// command that creates an organisation (scripts/create-org.ts).

export type TokenPurpose = "invite" | "reset";
export const TOKEN_TTL_MS: Record<TokenPurpose, number> = { invite: 7 * 86_400_000, reset: 3_600_000 };

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A new link's secret (for the e-mail) and its hash (for the database). */
export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}
