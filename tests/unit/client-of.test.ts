import { describe, expect, it } from "vitest";
import { clientOf } from "../../scripts/lib/client-of.mjs";

describe("the caller's address for sign-in throttling", () => {
  it("is the connection's with no trusted proxy, whatever X-Forwarded-For claims", () => {
    expect(clientOf(undefined, "203.0.113.9", 0)).toBe("203.0.113.9");
    expect(clientOf("1.2.3.4", "203.0.113.9", 0)).toBe("203.0.113.9");
    expect(clientOf("1.2.3.4, 5.6.7.8", "203.0.113.9", 0)).toBe("203.0.113.9");
  });

  it("is what the outermost trusted proxy saw, never what the caller wrote in front of it", () => {
    // Caller → load balancer (appends the caller's address) → Shiftline.
    expect(clientOf("198.51.100.7", "10.0.0.2", 1)).toBe("198.51.100.7");
    expect(clientOf("6.6.6.6, 198.51.100.7", "10.0.0.2", 1)).toBe("198.51.100.7");
    // Two proxies: CDN then load balancer.
    expect(clientOf("6.6.6.6, 198.51.100.7, 10.0.0.5", "10.0.0.2", 2)).toBe("198.51.100.7");
    // Fewer entries than trusted hops: the farthest one known.
    expect(clientOf("", "10.0.0.2", 3)).toBe("10.0.0.2");
  });
});

describe("the address sign-in throttling reads", () => {
  it("is the one the server set, not one a caller sent", async () => {
    const { clientAddress } = await import("../../lib/auth/client-address");
    expect(clientAddress(new Headers({ "x-shiftline-client": "203.0.113.9", "x-forwarded-for": "1.2.3.4" }))).toBe(
      "203.0.113.9",
    );
    expect(clientAddress({ "x-shiftline-client": "203.0.113.9", "x-forwarded-for": "1.2.3.4" })).toBe("203.0.113.9");
  });
});
