import { receiveSms } from "@/lib/sms/inbound";
import { inboundSmsSchema } from "@/lib/sms/schemas";
import { forbidden, readTwilioForm, twiml } from "@/lib/sms/webhook";

// Twilio's webhook for an SMS to Shiftline's number: a teammate's reply goes into their
// thread, "STOP" withdraws their consent. Signed by Twilio; anything else gets 403.
export async function POST(request: Request): Promise<Response> {
  const form = await readTwilioForm(request, "/api/sms/inbound");
  if (!form) return forbidden();
  const parsed = inboundSmsSchema.safeParse(form);
  if (!parsed.success) return new Response("Bad request", { status: 400 });
  await receiveSms(parsed.data.from, parsed.data.body, parsed.data.sid);
  return twiml();
}
