// The production server (`npm start`): Next.js behind a plain Node HTTP server, so the
// caller's address comes from the connection and not from what the caller claims.
//   PORT (3000), HOST (all interfaces), TRUSTED_PROXY_HOPS (0): how many proxies in front
//   of Shiftline append to X-Forwarded-For (a load balancer: 1). With 0, X-Forwarded-For
//   is ignored; with N, the address the Nth proxy from here saw is used.
// The address travels to the app in the x-shiftline-client header, which this server sets
// on every request (whatever a caller sent under that name is overwritten).
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { clientOf } from "./lib/client-of.mjs";

// Production mode, as `next start` sets it (the session cookie's Secure flag reads it too).
process.env.NODE_ENV ??= "production";
const { default: next } = await import("next");

const arg = (flag) => {
  const i = process.argv.indexOf(flag);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const port = Number(arg("-p") ?? process.env.PORT ?? 3000);
// Links in e-mails follow the port this server runs on when no public URL is set (lib/config.ts appUrl).
process.env.PORT = String(port);
const hostname = arg("-H") ?? process.env.HOST ?? "0.0.0.0";
const hops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);
if (!Number.isInteger(hops) || hops < 0)
  throw new Error(`TRUSTED_PROXY_HOPS must be 0 or more, got "${process.env.TRUSTED_PROXY_HOPS}"`);

// Each request gets an id (a trusted proxy's, when there is one, or a new one): in the
// x-request-id response header, in every log line of the request (lib/log.ts reads this
// context), and on error pages as the reference to quote.
const requests = (globalThis.shiftlineRequests ??= new AsyncLocalStorage());
const ID = /^[A-Za-z0-9_.:-]{8,128}$/;

const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();
createServer((req, res) => {
  const forwarded = req.headers["x-forwarded-for"];
  req.headers["x-shiftline-client"] = clientOf(
    Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
    req.socket.remoteAddress,
    hops,
  );
  const claimed = hops > 0 ? req.headers["x-request-id"] : undefined;
  const requestId = typeof claimed === "string" && ID.test(claimed) ? claimed : randomUUID();
  req.headers["x-request-id"] = requestId;
  res.setHeader("x-request-id", requestId);
  const context = { requestId };
  const started = process.hrtime.bigint();
  res.once("finish", () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const pathname = (req.url ?? "/").split("?")[0];
    globalThis.shiftlineHttp?.done(context, req.method ?? "GET", res.statusCode, seconds, pathname);
  });
  // The live event stream and sending a message are served straight on this response
  // (lib/api/node-routes.ts, registered by instrumentation.ts): through Next.js, each request's
  // web streams cost more than the work itself. Everything else goes to Next.js.
  requests.run(context, () => {
    if (!globalThis.shiftlineNode?.(req, res)) void handle(req, res);
  });
}).listen(port, hostname, () =>
  console.log(`Shiftline on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`),
);
