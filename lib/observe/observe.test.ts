import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { routeMatcher } from "./http";
import { envelope, envelopeTarget, reportError } from "./report";

afterEach(() => {
  delete process.env.ERROR_REPORTING_DSN;
});

describe("route labels", () => {
  const routeOf = routeMatcher([
    "/inbox",
    "/inbox/[conversationId]",
    "/chat/new",
    "/chat/[conversationId]",
    "/api/files/[attachmentId]",
  ]);
  it("are the app's route templates, never a raw path", () => {
    expect(routeOf("/inbox/c0abc123")).toBe("/inbox/[conversationId]");
    expect(routeOf("/chat/new")).toBe("/chat/new");
    expect(routeOf("/chat/c0xyz")).toBe("/chat/[conversationId]");
    expect(routeOf("/api/files/f1")).toBe("/api/files/[attachmentId]");
    expect(routeOf("/wp-login.php")).toBe("other");
    expect(routeOf("/_next/static/chunks/a.js")).toBe("/_next");
  });
});

describe("error reports", () => {
  it("read a Sentry-style DSN", () => {
    expect(envelopeTarget("https://k3y@errors.example.org/42")).toEqual({
      url: "https://errors.example.org/api/42/envelope/",
      key: "k3y",
    });
    expect(envelopeTarget("http://nope")).toBeNull();
  });

  it("carry the error's type, scrubbed words and the request, nothing about people", () => {
    const body = envelope({ type: "TypeError", message: "x", route: "/inbox/[conversationId]", requestId: "r-1" });
    const [header, item, event] = body
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(header).toHaveProperty("event_id");
    expect(item).toEqual({ type: "event" });
    expect(event).toMatchObject({ level: "error", tags: { route: "/inbox/[conversationId]", request_id: "r-1" } });
  });

  it("leave from a timer, scrubbed, when a service is configured; nothing leaves without one", async () => {
    const got: string[] = [];
    const server = createServer((req, res) => {
      let data = "";
      req.on("data", (c: Buffer) => (data += c.toString()));
      req.on("end", () => {
        got.push(`${req.url} ${req.headers["x-sentry-auth"]}\n${data}`);
        res.end("{}");
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    // Without a DSN: nothing queued (checked after the positive case below has been heard).
    reportError(new Error("not sent"));
    process.env.ERROR_REPORTING_DSN = `https://k3y@127.0.0.1:${port}/7`;
    const realFetch = globalThis.fetch;
    // The local stand-in speaks plain HTTP: the report's https address is sent to it.
    globalThis.fetch = ((url: string, init: RequestInit) =>
      realFetch(url.replace("https://", "http://"), init)) as typeof fetch;
    try {
      reportError(new Error("call +33611223344 about ana@example.org"), { route: "/inbox", requestId: "req-9" });
      const end = Date.now() + 10_000;
      while (got.length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    } finally {
      globalThis.fetch = realFetch;
      server.close();
    }
    expect(got).toHaveLength(1);
    expect(got[0]).toContain("/api/7/envelope/ Sentry sentry_version=7, sentry_key=k3y");
    expect(got[0]).toContain("req-9");
    expect(got[0]).not.toContain("+33611223344");
    expect(got[0]).not.toContain("ana@example.org");
    expect(got[0]).not.toContain("not sent");
  });
});
