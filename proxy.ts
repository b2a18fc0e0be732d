import { NextResponse, type NextRequest } from "next/server";
import { negotiate } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";

// Server actions accept bodies up to this (next.config.js, serverActions.bodySizeLimit).
const ACTION_BODY_LIMIT = 1024 * 1024;

/**
 * Before any page or action runs:
 * - a server action whose declared body is over the limit gets 413 (Next.js would answer 500);
 * - visitors without a session cookie go to the sign-in page (convenience only: every page,
 *   action and route handler checks the session itself).
 */
export function proxy(request: NextRequest) {
  if (request.method === "POST" && request.headers.has("next-action") && Number(request.headers.get("content-length") ?? 0) > ACTION_BODY_LIMIT) {
    const t = translatorFor(negotiate(request.headers.get("accept-language")));
    return new NextResponse(t("errors.tooLarge"), { status: 413, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  if (request.nextUrl.pathname === "/sign-in" || request.cookies.has("shiftline.session")) return NextResponse.next();
  const url = new URL("/sign-in", request.url);
  url.searchParams.set("callbackUrl", request.nextUrl.pathname);
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/sign-in", "/inbox/:path*", "/chat/:path*", "/schedule/:path*", "/teammates/:path*", "/settings/:path*", "/me/:path*"],
};
