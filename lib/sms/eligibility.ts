// Who may get an SMS copy: a mobile number in E.164 form (+ and country code, up to 15
// digits), the person's consent, and an active account.

export type SmsReason = "eligible" | "noNumber" | "noConsent" | "inactive";

export const isE164 = (phone: string | null | undefined): phone is string =>
  typeof phone === "string" && /^\+[1-9]\d{6,14}$/.test(phone);

export function smsEligibility(p: { phone: string | null; smsConsent: boolean; disabledAt: Date | null }): SmsReason {
  if (p.disabledAt) return "inactive";
  if (!isE164(p.phone)) return "noNumber";
  if (!p.smsConsent) return "noConsent";
  return "eligible";
}
