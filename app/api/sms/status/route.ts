import { recordSmsStatus } from "@/lib/sms/deliveries";
import { statusCallbackSchema } from "@/lib/sms/schemas";
import { forbidden, readTwilioForm } from "@/lib/sms/webhook";

// Twilio's status callback for each SMS copy: queued, sent, delivered, failed (with its
// error code). Signed by Twilio; anything else gets 403 and changes nothing.
export async function POST(request: Request): Promise<Response> {
  const form = await readTwilioForm(request, "/api/sms/status");
  if (!form) return forbidden();
  const parsed = statusCallbackSchema.safeParse(form);
  if (!parsed.success) return new Response("Bad request", { status: 400 });
  await recordSmsStatus(parsed.data.sid!, parsed.data.status, parsed.data.errorCode);
  return new Response(null, { status: 204 });
}
