import { readiness } from "@/lib/db/ready";
import "@/lib/realtime/hub"; // starts this instance's notification listener (PostgreSQL), which readiness checks

// Readiness: 200 when this instance can serve (lib/db/ready.ts), 503 naming the part that
// cannot. No session; nothing but the parts' names is said.
export const dynamic = "force-dynamic";

export async function GET() {
  const { ready, failing } = await readiness();
  return Response.json(ready ? { status: "ready" } : { status: "unavailable", failing }, {
    status: ready ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
