import { z } from "zod";

// What Twilio posts to the webhooks (after its signature is checked). Unknown fields pass.
const sid = z.string().regex(/^[A-Za-z0-9]{10,64}$/);

export const statusCallbackSchema = z
  .object({ MessageSid: sid.optional(), SmsSid: sid.optional(), MessageStatus: z.string().max(32), ErrorCode: z.string().max(16).optional() })
  .transform((f) => ({ sid: f.MessageSid ?? f.SmsSid, status: f.MessageStatus, errorCode: f.ErrorCode }))
  .refine((f) => Boolean(f.sid));

export const inboundSmsSchema = z
  .object({ MessageSid: sid.optional(), SmsSid: sid.optional(), From: z.string().regex(/^\+[1-9]\d{6,14}$/), Body: z.string().max(10_000).default("") })
  .transform((f) => ({ sid: (f.MessageSid ?? f.SmsSid)!, from: f.From, body: f.Body }))
  .refine((f) => Boolean(f.sid));
