import { localesOfNumber, receiveSms, unroutedReply } from "@/lib/sms/inbound";
import { inboundSmsSchema } from "@/lib/sms/schemas";
import { forbidden, readTwilioForm, twiml } from "@/lib/sms/webhook";

// Twilio's webhook for an SMS to Shiftline's number: a teammate's reply goes into their
// thread, "STOP" withdraws their consent (lib/sms/inbound.ts says whose thread). Signed by
// Twilio; anything else gets 403.
export async function POST(request: Request): Promise<Response> {
  const form = await readTwilioForm(request, "/api/sms/inbound");
  if (!form) return forbidden();
  const parsed = inboundSmsSchema.safeParse(form);
  if (!parsed.success) return new Response("Bad request", { status: 400 });
  const outcome = await receiveSms(parsed.data);
  // A reply on a number several organisations share went to none of them: its sender is told where to write.
  return twiml(outcome === "unrouted" ? unroutedReply(await localesOfNumber(parsed.data.from)) : undefined);
}
