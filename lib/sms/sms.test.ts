import { describe, expect, it } from "vitest";
import { segmentsOf, smsText } from "./segments";
import { isE164, smsEligibility } from "./eligibility";

describe("SMS segments", () => {
  it("count GSM-7 text 160 to one SMS and 153 a part beyond, extension characters twice", () => {
    expect(segmentsOf("a".repeat(160))).toEqual({ encoding: "GSM-7", units: 160, segments: 1 });
    expect(segmentsOf("a".repeat(161))).toEqual({ encoding: "GSM-7", units: 161, segments: 2 });
    expect(segmentsOf("a".repeat(306)).segments).toBe(2);
    expect(segmentsOf("a".repeat(307)).segments).toBe(3);
    expect(segmentsOf("€".repeat(80))).toEqual({ encoding: "GSM-7", units: 160, segments: 1 });
    expect(segmentsOf("Réunion à 15 h, café à l'accueil").encoding).toBe("GSM-7");
  });

  it("send anything else as UCS-2: 70 units in one SMS, 67 a part", () => {
    expect(segmentsOf("ok 👍")).toMatchObject({ encoding: "UCS-2", units: 5, segments: 1 });
    expect(segmentsOf("ê".repeat(70))).toEqual({ encoding: "UCS-2", units: 70, segments: 1 });
    expect(segmentsOf("ê".repeat(71)).segments).toBe(2);
    expect(segmentsOf("Привет ".repeat(20)).segments).toBe(Math.ceil(140 / 67));
  });

  it("a copy keeps the link whole and cuts the text at a word, within the parts allowed", () => {
    const link = "https://shiftline.example.org/me/messages";
    expect(smsText("See you at 8", link)).toBe(`See you at 8\n${link}`);
    expect(smsText("It’s “fine” – thanks…", link)).toBe(`It's "fine" - thanks...\n${link}`); // plain look-alikes keep GSM-7
    const long = smsText("word ".repeat(400), link, 2);
    expect(segmentsOf(long).segments).toBeLessThanOrEqual(2);
    expect(long.endsWith(`…\n${link}`)).toBe(true);
    expect(long).not.toMatch(/wor…/);
    const emoji = smsText("🙂".repeat(200), link, 1);
    expect(segmentsOf(emoji).segments).toBe(1);
    expect(emoji).not.toMatch(/[\uD800-\uDBFF]…/); // no half of a pair left
  });
});

describe("SMS eligibility", () => {
  it("needs an E.164 mobile number, consent and an active account", () => {
    expect(isE164("+33612345678")).toBe(true);
    for (const bad of ["0612345678", "+0612345678", "+33 6 12 34 56 78", "+1234", null])
      expect(isE164(bad)).toBe(false);
    const ok = { phone: "+33612345678", smsConsent: true, disabledAt: null };
    expect(smsEligibility(ok)).toBe("eligible");
    expect(smsEligibility({ ...ok, smsConsent: false })).toBe("noConsent");
    expect(smsEligibility({ ...ok, phone: "06 12 34 56 78" })).toBe("noNumber");
    expect(smsEligibility({ ...ok, disabledAt: new Date() })).toBe("inactive");
  });
});
