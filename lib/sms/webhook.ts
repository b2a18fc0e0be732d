import "server-only";
import { twilioSignatureValid } from "./twilio";

const MAX_FORM_BYTES = 64 * 1024;

/**
 * A Twilio webhook's form, or null when it is not Twilio's: unsigned, signed wrongly
 * (the signature covers the public URL and every field), or too large. The caller
 * answers 403 and changes nothing.
 */
export async function readTwilioForm(request: Request, path: string): Promise<Record<string, string> | null> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_FORM_BYTES) return null;
  const text = await request.text();
  if (text.length > MAX_FORM_BYTES) return null;
  const params = Object.fromEntries(new URLSearchParams(text));
  return twilioSignatureValid(request.headers.get("x-twilio-signature"), path, params) ? params : null;
}

export const forbidden = () => new Response("Forbidden", { status: 403 });
const xml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** What Twilio expects back: TwiML, empty (no SMS in answer) or with one message to the sender. */
export const twiml = (reply?: string) =>
  new Response(
    `<?xml version="1.0" encoding="UTF-8"?><Response>${reply ? `<Message>${xml(reply)}</Message>` : ""}</Response>`,
    {
      headers: { "Content-Type": "text/xml" },
    },
  );
