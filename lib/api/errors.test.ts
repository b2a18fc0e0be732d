import { describe, expect, it } from "vitest";
import { toFailure } from "./action";
import { ForbiddenError, NotFoundError, UserError } from "@/lib/errors";
import { describePeriod } from "@/lib/conversations/shift-action";

describe("errors in the reader's language", () => {
  const period = {
    startsAt: new Date("2030-11-18T06:00:00Z"),
    endsAt: new Date("2030-11-18T14:00:00Z"),
    reason: "Congés",
  };
  const clash = () =>
    new UserError(
      "errors.teammateUnavailable",
      { name: "Théo", period: (l) => describePeriod(period, "Europe/Paris", l) },
      "userId",
    );

  it("keeps English as the message for logs, and translates values that depend on the language", () => {
    expect(clash().message).toBe("Théo is unavailable then: 18 Nov 2030, 07:00 – 18 Nov 2030, 15:00 (Congés).");
    const fr = toFailure(clash(), "fr", { userId: "u1" });
    const text = "Théo est indisponible à ce moment-là : 18 nov. 2030, 07:00 – 18 nov. 2030, 15:00 (Congés).";
    expect(fr).toEqual({ ok: false, error: text, values: { userId: "u1" }, fieldErrors: { userId: [text] } });
  });

  it("translates refusals, and hides unexpected errors behind one sentence", () => {
    expect(toFailure(new NotFoundError("errors.notFound.shift"), "fr").error).toBe("Ce créneau est introuvable.");
    expect(toFailure(new ForbiddenError(), "en").error).toBe("You are not allowed to do this.");
    const original = console.error;
    console.error = () => {};
    try {
      expect(toFailure(new Error("SQLITE_CORRUPT at /srv/db"), "fr").error).toBe(
        "Une erreur s'est produite de notre côté. Votre saisie est conservée ; veuillez réessayer.",
      );
    } finally {
      console.error = original;
    }
  });
});
