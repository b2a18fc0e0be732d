// Next.js calls register() once per server process: the configuration is checked first
// (a wrong value stops the server with one line naming it), then each instance runs one
// background worker (lib/worker: every kind of job, run by lib/jobs/worker.ts), and
// requests are measured and logged (lib/observe), and the event stream and sends are served on
// the Node response (lib/api/node-routes.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServerProcess } = await import("./lib/worker/start");
  startServerProcess();
  const { observeHttp } = await import("./lib/observe/http");
  observeHttp();
  const { serveFromNodeServer, benchFloorRoute } = await import("./lib/api/node-routes");
  const { nodeSendRoute } = await import("./lib/dispatch/send-route");
  const { config } = await import("./lib/config");
  serveFromNodeServer([nodeSendRoute, ...(config().SHIFTLINE_BENCH_FLOOR === "1" ? [benchFloorRoute] : [])]);
}

type RequestErrorContext = { routePath: string; routeType: string };

// A server error (a page, an action, a route handler): logged once, with the request's id,
// and reported when an error-reporting service is configured.
export async function onRequestError(error: unknown, _request: unknown, context: RequestErrorContext) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { log, requestContext } = await import("./lib/log");
  const { reportError } = await import("./lib/observe/report");
  const requestId = requestContext.getStore()?.requestId;
  const digest = (error as { digest?: string }).digest;
  log.error({ err: error, digest, route: context.routePath, routeType: context.routeType }, "server error");
  reportError(error, { route: context.routePath, requestId });
}
