import { log } from "@/lib/log";

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

let warned = false;

/**
 * The caller's address for throttling sign-in. `npm start` (scripts/server.mjs) sets it
 * from the connection, or from the proxies it was told to trust (TRUSTED_PROXY_HOPS); a
 * caller cannot choose it. Under `next dev`, where no one sets it, the first
 * X-Forwarded-For hop stands in (development only).
 */
export function clientAddress(headers: HeaderBag): string {
  const get = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const trusted = get("x-shiftline-client");
  if (trusted) return trusted;
  if (!warned && process.env.NODE_ENV === "production") {
    warned = true;
    log.warn(
      "no x-shiftline-client header: start Shiftline with `npm start` (scripts/server.mjs), or sign-in throttling trusts X-Forwarded-For",
    );
  }
  return get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}
