import { NextResponse, type NextRequest } from "next/server";
import { negotiate } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { contentSecurityPolicy, securityHeaders } from "@/lib/security-headers";

// Server actions accept bodies up to this (next.config.js, serverActions.bodySizeLimit).
const ACTION_BODY_LIMIT = 1024 * 1024;
// Pages that need a session: visitors without a cookie go to sign-in (convenience only:
// every page, action and route handler checks the session itself).
const SIGNED_IN = /^\/(inbox|chat|schedule|teammates|people|account|exports|outbox|settings|me)(\/|$)/;

/**
 * Before any page, action or route runs:
 * - a server action whose declared body is over the limit gets 413 (Next.js would answer 500);
 * - pages without a session cookie redirect to sign-in;
 * - every response gets the security headers, pages a Content Security Policy whose nonce
 *   Next.js puts on its own scripts (it reads it from the request's policy).
 */
export function proxy(request: NextRequest) {
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const finish = (response: NextResponse, csp?: string) => {
    for (const [k, v] of Object.entries(securityHeaders({ https }))) response.headers.set(k, v);
    if (csp) response.headers.set("Content-Security-Policy", csp);
    return response;
  };
  if (
    request.method === "POST" &&
    request.headers.has("next-action") &&
    Number(request.headers.get("content-length") ?? 0) > ACTION_BODY_LIMIT
  ) {
    const t = translatorFor(negotiate(request.headers.get("accept-language")));
    return finish(
      new NextResponse(t("errors.tooLarge"), { status: 413, headers: { "content-type": "text/plain; charset=utf-8" } }),
    );
  }
  const { pathname } = request.nextUrl;
  // An address that does not decode ("/inbox/%ZZ") names nothing: said so, before Next.js fails on it with a 500.
  if (!decodes(pathname)) {
    const t = translatorFor(negotiate(request.headers.get("accept-language")));
    const error = t("errors.badAddress");
    return finish(
      pathname.startsWith("/api/")
        ? NextResponse.json({ ok: false, error }, { status: 400 })
        : new NextResponse(error, { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } }),
    );
  }
  if (SIGNED_IN.test(pathname) && !request.cookies.has("shiftline.session")) {
    const url = new URL("/sign-in", request.url);
    url.searchParams.set("callbackUrl", pathname);
    return finish(NextResponse.redirect(url));
  }
  if (pathname.startsWith("/api/")) return finish(NextResponse.next());
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, { https, dev: process.env.NODE_ENV !== "production" });
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", csp);
  headers.set("x-nonce", nonce);
  return finish(NextResponse.next({ request: { headers } }), csp);
}

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export const config = {
  // Everything but the build's static files (they are immutable and carry no markup) and
  // uploads: Next.js copies the body of every request the proxy sees into memory (up to
  // 10 MB, cutting the rest), and an upload must stream to disk. Its route checks the
  // session, the size and the type itself (app/api/conversations/[conversationId]/attachments,
  // app/api/batches/attachments). An id with "%" is never one of ours: such a path comes
  // here, to be refused if it does not decode.
  matcher: [
    "/((?!_next/static|_next/image|favicon.ico|icon.svg|icons/|sw.js|manifest.webmanifest|api/conversations/[^/%]+/attachments|api/batches/attachments).*)",
  ],
};
