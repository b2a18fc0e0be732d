import { config } from "@/lib/config";
import { floorBodySchema, insertFloorMessage } from "@/lib/db/bench-floor";

// The floor for `npm run bench` (lib/db/bench-floor.ts). It exists only when the
// benchmark starts the server with SHIFTLINE_BENCH_FLOOR=1 on a scratch database;
// otherwise it answers 404 like any unknown route. Under `npm start` the Node server serves
// the floor itself, as it serves the send (lib/api/node-routes.ts, benchFloorRoute).

export async function POST(request: Request) {
  if (config().SHIFTLINE_BENCH_FLOOR !== "1") return new Response("Not found", { status: 404 });
  const parsed = floorBodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ ok: false, error: "Invalid body." }, { status: 400 });
  return Response.json({ ok: true, id: await insertFloorMessage(parsed.data.body) });
}
