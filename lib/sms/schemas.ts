import { z } from "zod";

// What Twilio posts to the webhooks (after its signature is checked). Unknown fields pass.
// A message's id is exactly Twilio's shape (SM or MM and 32 hexadecimal characters): Twilio's
// signature covers the fields run together, so a replay that moves characters from one field
// into the next keeps a valid signature, and must not pass as another message.
const sid = z.string().regex(/^(SM|MM)[0-9a-f]{32}$/);
const phone = z.string().regex(/^\+[1-9]\d{6,14}$/);

export const statusCallbackSchema = z
  .object({
    MessageSid: sid.optional(),
    SmsSid: sid.optional(),
    MessageStatus: z.string().max(32),
    ErrorCode: z.string().max(16).optional(),
  })
  .transform((f) => ({ sid: f.MessageSid ?? f.SmsSid, status: f.MessageStatus, errorCode: f.ErrorCode }))
  .refine((f) => Boolean(f.sid));

export const inboundSmsSchema = z
  .object({
    MessageSid: sid.optional(),
    SmsSid: sid.optional(),
    From: phone,
    To: phone.optional(),
    MessagingServiceSid: z
      .string()
      .regex(/^MG[0-9a-f]{32}$/)
      .optional(),
    Body: z.string().max(10_000).default(""),
  })
  .transform((f) => ({
    sid: (f.MessageSid ?? f.SmsSid)!,
    from: f.From,
    to: f.To,
    messagingServiceSid: f.MessagingServiceSid,
    body: f.Body,
  }))
  .refine((f) => Boolean(f.sid));

/** An organisation's own sender: a number in E.164 form or a Messaging Service SID; empty for the shared one. */
export const smsSenderSchema = z.object({
  sender: z
    .string()
    .trim()
    .transform((v) => v.replace(/[\s.()-]/g, ""))
    .refine((v) => v === "" || /^\+[1-9]\d{6,14}$/.test(v) || /^MG[0-9a-f]{32}$/.test(v), "errors.sms.badSender")
    .transform((v) => v || null),
});
