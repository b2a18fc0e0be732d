import { describe, expect, it } from "vitest";
import { fillReply, replyBodyFor, unfilledVariable } from "./reply-variables";

describe("saved replies' variables", () => {
  it("fills what the thread has, keeps and lists what it has not", () => {
    expect(
      fillReply("Hi {{firstName}}, are you free {{ shiftDate }} {{shiftStart}}-{{shiftEnd}}? {{myFirstName}}", {
        firstName: "Tess",
        myFirstName: "Max",
        shiftDate: "Friday 11 December",
        shiftStart: "08:00",
      }),
    ).toEqual({ text: "Hi Tess, are you free Friday 11 December 08:00-{{shiftEnd}}? Max", missing: ["shiftEnd"] });
    // Not ours to fill: other braces stay, and are not "missing".
    expect(fillReply("{{unknown}} {x}", {})).toEqual({ text: "{{unknown}} {x}", missing: [] });
  });

  it("finds a variable left in a text about to be sent, every time it is asked", () => {
    expect(unfilledVariable("See you {{shiftDate}}")).toBe("shiftDate");
    expect(unfilledVariable("See you {{shiftDate}}")).toBe("shiftDate"); // the pattern keeps no position between calls
    expect(unfilledVariable("See you {{ unknown }} or {x}")).toBeNull();
    expect(unfilledVariable("See you Friday")).toBeNull();
  });

  it("takes the reader's language, else the one written", () => {
    const both = { bodyEn: "Hello", bodyFr: "Bonjour" };
    expect(replyBodyFor(both, "fr")).toBe("Bonjour");
    expect(replyBodyFor(both, "en")).toBe("Hello");
    expect(replyBodyFor({ bodyEn: "Hello", bodyFr: null }, "fr")).toBe("Hello");
    expect(replyBodyFor({ bodyEn: null, bodyFr: "Bonjour" }, "en")).toBe("Bonjour");
  });
});
