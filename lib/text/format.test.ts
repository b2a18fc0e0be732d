import { afterEach, describe, expect, it, vi } from "vitest";
import {
  dateLabels,
  dayKey,
  formatDay,
  formatTime,
  seedDateLabels,
  formatBytes,
  formatDateTime,
  formatListTime,
  formatMoney,
  formatNumber,
  formatShiftTime,
} from "./format";

describe("date formatting in the organisation's time zone", () => {
  const d = new Date("2026-11-16T06:00:00Z");

  it("formats in the given zone, whatever the server's", () => {
    expect(formatShiftTime(d, new Date("2026-11-16T14:00:00Z"), "Europe/Paris")).toBe(
      "Monday, 16 November 2026, 07:00–15:00",
    );
    expect(formatDateTime(d, "America/New_York")).toBe("16 Nov 2026, 01:00");
    expect(dayKey(new Date("2026-11-16T23:30:00Z"), "Europe/Paris")).toBe("2026-11-17");
  });

  it("shows the time for today and the day otherwise", () => {
    expect(formatListTime(d, "Europe/Paris", "en", new Date("2026-11-16T20:00:00Z"))).toBe("07:00");
    expect(formatListTime(d, "Europe/Paris", "en", new Date("2026-11-18T20:00:00Z"))).toBe("Mon 16 Nov");
  });

  it("speaks the reader's language", () => {
    const at = new Date("2026-11-23T07:00:00Z");
    expect(formatListTime(at, "Europe/Paris", "fr", new Date("2026-11-25T12:00:00Z"))).toBe("lun. 23 nov.");
    expect(formatDateTime(at, "Europe/Paris", "fr")).toBe("23 nov. 2026, 08:00");
    expect(formatShiftTime(at, new Date("2026-11-23T15:00:00Z"), "Europe/Paris", "fr")).toBe(
      "lundi 23 novembre 2026, 08:00–16:00",
    );
    expect(formatDateTime(at, "Europe/Paris", "en")).toBe("23 Nov 2026, 08:00");
  });
});

describe("numbers and prices in the reader's language", () => {
  it("groups and separates decimals as each language does", () => {
    expect(formatNumber(1234.5, "en")).toBe("1,234.5");
    expect(formatNumber(1234.5, "fr")).toMatch(/^1\s234,5$/u); // a narrow no-break space
    expect(formatMoney(0.25, "USD", "en")).toBe("$0.25");
    expect(formatMoney(0.25, "USD", "fr")).toMatch(/^0,25\s\$$/u);
    expect(formatMoney(12, "EUR", "fr")).toMatch(/^12,00\s€$/u);
  });
});

describe("formatBytes", () => {
  it("says sizes in the reader's units, never in bare bytes", () => {
    const plain = (s: string) => s.replace(/\s/g, " ");
    expect(plain(formatBytes(611, "en"))).toBe("0.6 kB");
    expect(plain(formatBytes(611, "fr"))).toBe("0,6 ko");
    expect(plain(formatBytes(820 * 1024, "en"))).toBe("820 kB");
    expect(plain(formatBytes(1.4 * 1024 * 1024, "fr"))).toBe("1,4 Mo");
  });
});

describe("a page's dates written by its server (dateLabels, seedDateLabels)", () => {
  afterEach(() => vi.unstubAllGlobals());
  const zone = "Europe/Paris";

  it("are what the formatters write, in the reader's language", () => {
    const at = new Date("2026-11-16T22:30:00Z");
    const labels = dateLabels([at], zone, "fr");
    expect(labels.at[at.getTime()]).toEqual(["23:30", "lundi 16 novembre 2026", "2026-11-16"]);
    expect(labels.at[at.getTime()]).toEqual([formatTime(at, zone, "fr"), formatDay(at, zone, "fr"), dayKey(at, zone)]);
  });

  it("answer the formatters in a browser, for their dates, zone and language only", () => {
    vi.stubGlobal("window", {});
    const at = new Date("2026-11-17T08:15:00Z");
    // Labels that Intl would never write: what comes back is the seed, not a new format.
    seedDateLabels({
      timeZone: zone,
      locale: "en",
      at: { [at.getTime()]: ["seeded time", "seeded day", "seeded key"] },
    });
    expect(formatTime(at, zone, "en")).toBe("seeded time");
    expect(formatDay(at, zone, "en")).toBe("seeded day");
    expect(dayKey(at, zone)).toBe("seeded key");
    expect(formatTime(at, zone, "fr")).toBe("09:15");
    expect(formatTime(at, "America/New_York", "en")).toBe("03:15");
    expect(formatTime(new Date(at.getTime() + 60_000), zone, "en")).toBe("09:16");
  });

  it("are not kept on a server, which formats for every reader", () => {
    const at = new Date("2026-11-18T08:15:00Z");
    seedDateLabels({
      timeZone: zone,
      locale: "en",
      at: { [at.getTime()]: ["seeded time", "seeded day", "seeded key"] },
    });
    expect(formatTime(at, zone, "en")).toBe("09:15");
  });
});
