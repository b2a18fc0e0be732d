import "server-only";
import twilio from "twilio";
import type { RequestClient } from "twilio";
import { appUrl, config } from "@/lib/config";

// Twilio through its SDK when TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM (a
// number, or TWILIO_MESSAGING_SERVICE_SID) are set. Tests hand the SDK their own HTTP
// client (its `httpClient` option), since they cannot reach Twilio.

let testClient: RequestClient | undefined;

/** Tests only: the HTTP client the SDK sends through. */
export function setTwilioHttpClient(client: RequestClient | undefined) {
  testClient = client;
}

export const twilioConfigured = () => {
  const c = config();
  return Boolean(c.TWILIO_ACCOUNT_SID && c.TWILIO_AUTH_TOKEN && (c.TWILIO_FROM || c.TWILIO_MESSAGING_SERVICE_SID));
};

/** One SMS; `sender`: the organisation's own number or Messaging Service, else the server's. */
export async function sendWithTwilio(
  to: string,
  body: string,
  sender?: string | null,
): Promise<{ sid: string; status: string }> {
  const c = config();
  const client = twilio(c.TWILIO_ACCOUNT_SID, c.TWILIO_AUTH_TOKEN, testClient ? { httpClient: testClient } : {});
  const message = await client.messages.create({
    to,
    body,
    ...(sender?.startsWith("MG")
      ? { messagingServiceSid: sender }
      : sender
        ? { from: sender }
        : c.TWILIO_MESSAGING_SERVICE_SID
          ? { messagingServiceSid: c.TWILIO_MESSAGING_SERVICE_SID }
          : { from: c.TWILIO_FROM }),
    statusCallback: `${appUrl()}/api/sms/status`,
  });
  return { sid: message.sid, status: message.status };
}

/** Twilio's signature over the public URL it called and the form it posted; false without a token. */
export function twilioSignatureValid(signature: string | null, path: string, params: Record<string, string>): boolean {
  const token = config().TWILIO_AUTH_TOKEN;
  if (!token || !signature) return false;
  return twilio.validateRequest(token, signature, `${appUrl()}${path}`, params);
}
