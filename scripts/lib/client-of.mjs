/**
 * The client's address from the connection and X-Forwarded-For: with no trusted proxy,
 * the connection's own; with N trusted proxies in front, the address the outermost of
 * them saw (each proxy appends the address it was called from). Entries a caller wrote
 * before the first trusted proxy are never used.
 */
export function clientOf(forwardedFor, socketAddress, trustedHops) {
  const chain = [
    ...(forwardedFor ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    socketAddress ?? "unknown",
  ];
  return chain[Math.max(0, chain.length - 1 - trustedHops)];
}
