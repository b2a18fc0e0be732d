import { config } from "@/lib/config";
import { z } from "zod";
import { insertFloorMessage } from "@/lib/db/bench-floor";

// The floor for `npm run bench` (lib/db/bench-floor.ts). It exists only when the
// benchmark starts the server with SHIFTLINE_BENCH_FLOOR=1 on a scratch database;
// otherwise it answers 404 like any unknown route.

const bodySchema = z.object({ body: z.string().min(1).max(4000) });

export async function POST(request: Request) {
  if (config().SHIFTLINE_BENCH_FLOOR !== "1") return new Response("Not found", { status: 404 });
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ ok: false, error: "Invalid body." }, { status: 400 });
  return Response.json({ ok: true, id: await insertFloorMessage(parsed.data.body) });
}
