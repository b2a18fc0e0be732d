import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";

// The download link of an export: signed with the server's secret over the export,
// its requester, its expiry and the export's own random token. The route also
// requires the requester's session, so a forwarded link is useless to anyone else.

type Signed = { id: string; requestedById: string; downloadToken: string; expiresAt: Date };

function signature(e: Signed, expires: number): string {
  return createHmac("sha256", authSecret())
    .update(`export:${e.id}:${e.requestedById}:${e.downloadToken}:${expires}`)
    .digest("base64url");
}

/** The link of the export, or of one of its parts (a large export comes in several zips; any part of it is as much the requester's). */
export function exportLinkPath(e: Signed, part?: number): string {
  const expires = e.expiresAt.getTime();
  return `/api/exports/${encodeURIComponent(e.id)}/download?${part ? `part=${part}&` : ""}expires=${expires}&sig=${signature(e, expires)}`;
}

export type LinkCheck = "ok" | "expired" | "bad";

export function checkExportLink(e: Signed, expires: number, sig: string, now = Date.now()): LinkCheck {
  const want = Buffer.from(signature(e, expires));
  const got = Buffer.from(sig);
  if (want.length !== got.length || !timingSafeEqual(want, got) || expires !== e.expiresAt.getTime()) return "bad";
  return expires < now ? "expired" : "ok";
}
