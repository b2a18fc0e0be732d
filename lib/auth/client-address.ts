type HeaderBag = Headers | Record<string, string | string[] | undefined>;

/** The caller's address for throttling: the first X-Forwarded-For hop when behind a proxy, else the socket's. */
export function clientAddress(headers: HeaderBag): string {
  const get = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const forwarded = get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || get("x-real-ip") || "unknown";
}
