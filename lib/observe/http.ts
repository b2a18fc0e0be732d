import { readFileSync } from "node:fs";
import path from "node:path";
import { config } from "@/lib/config";
import { log, type RequestContext } from "@/lib/log";
import { metrics } from "@/lib/metrics";

// What scripts/server.mjs reports when a response ends: the request's duration by route
// template (the app's own routes, from the build's manifest: never a raw path, so the
// metric's labels stay few) and one log line.

type Done = (ctx: RequestContext, method: string, status: number, seconds: number, pathname: string) => void;

/** "/inbox/c0abc/files" → "/inbox/[conversationId]/files"; anything else is "other". */
export function routeMatcher(routes: string[]): (pathname: string) => string {
  const patterns = routes
    .map((r) => ({
      route: r,
      re: new RegExp(
        `^${r
          .split("/")
          .map((seg) =>
            /^\[\[?\.\.\./.test(seg)
              ? ".*"
              : /^\[.+\]$/.test(seg)
                ? "[^/]+"
                : seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"),
          )
          .join("/")}/?$`,
      ),
      dynamic: r.includes("["),
    }))
    // Fixed segments first: "/chat/new" before "/chat/[conversationId]".
    .sort((a, b) => Number(a.dynamic) - Number(b.dynamic) || b.route.length - a.route.length);
  return (pathname) => {
    if (pathname.startsWith("/_next/")) return "/_next";
    return patterns.find((p) => p.re.test(pathname))?.route ?? "other";
  };
}

function appRoutes(): string[] {
  try {
    const manifest = JSON.parse(
      readFileSync(
        path.join(/* turbopackIgnore: true */ process.cwd(), ".next", "app-path-routes-manifest.json"),
        "utf8",
      ),
    ) as Record<string, string>;
    return [...new Set(Object.values(manifest))];
  } catch {
    return []; // `next dev` writes it as pages compile: every path is "other" until then
  }
}

/** Called once per server process (instrumentation.ts). */
export function observeHttp(): void {
  if (config().SHIFTLINE_OBSERVE === "off") return;
  const routeOf = routeMatcher(appRoutes());
  const done: Done = (ctx, method, status, seconds, pathname) => {
    const route = ctx.route ?? routeOf(pathname);
    metrics.http.observe({ route, method, status: String(status) }, seconds);
    if (route === "/_next") return;
    const line = { requestId: ctx.requestId, route, method, status, ms: Math.round(seconds * 1000) };
    if (status >= 500) log.warn(line, "request answered with an error");
    else log.info(line, "request");
  };
  (globalThis as unknown as { shiftlineHttp?: { done: Done } }).shiftlineHttp = { done };
}
