import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { config } from "@/lib/config";
import { metrics } from "@/lib/metrics";
import { watchQueue } from "@/lib/jobs/queue-metrics";

// Prometheus metrics for a scraper holding METRICS_TOKEN (Authorization: Bearer …). Without
// the token configured the route does not exist (404). No user, organisation or conversation
// id is a label (lib/metrics.ts).
export const dynamic = "force-dynamic";

const authorization = z.string().regex(/^Bearer \S{1,512}$/);
const digest = (s: string) => createHash("sha256").update(s).digest();

export async function GET(request: Request) {
  const token = config().METRICS_TOKEN;
  if (!token) return new Response("Not found", { status: 404 });
  const given = authorization.safeParse(request.headers.get("authorization") ?? "");
  if (!given.success || !timingSafeEqual(digest(given.data.slice(7)), digest(token)))
    return new Response("Unauthorized", { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="metrics"' } });
  watchQueue();
  return new Response(await metrics.registry.metrics(), {
    headers: { "Content-Type": metrics.registry.contentType, "Cache-Control": "no-store" },
  });
}
