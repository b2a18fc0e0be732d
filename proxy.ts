import { NextResponse, type NextRequest } from "next/server";

// Convenience only: visitors without a session cookie go to the sign-in page.
// Every page, action and route handler checks the session itself.
export function proxy(request: NextRequest) {
  if (request.cookies.has("shiftline.session")) return NextResponse.next();
  const url = new URL("/sign-in", request.url);
  url.searchParams.set("callbackUrl", request.nextUrl.pathname);
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/inbox/:path*", "/chat/:path*", "/schedule/:path*", "/teammates/:path*", "/settings/:path*", "/me/:path*"],
};
