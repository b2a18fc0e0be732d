import { test, expect, newOrg, pageAs, live, e2eDb, upcomingShift } from "./fixtures";

// Saved replies (issue 29): written in Settings, inserted with "/" in the reply box, filled
// from the thread in the teammate's language; a variable the thread has no value for blocks sending.

test("a saved reply with shift variables fills in French for a French teammate; an unfilled one blocks sending", async ({
  browser,
}) => {
  const o = await newOrg();
  const shift = await upcomingShift(o, "Night round");
  await e2eDb().user.update({ where: { id: o.teammate.id }, data: { locale: "fr" } });

  const max = await pageAs(browser, o.manager, { path: "/settings/replies" });
  await max.getByLabel("Title").fill("Available?");
  await max
    .getByLabel("Text in English")
    .fill("Hi {{firstName}}, are you free {{shiftDate}} {{shiftStart}}-{{shiftEnd}}?");
  await max
    .getByLabel("Text in French")
    .fill("Bonjour {{firstName}}, êtes-vous disponible {{shiftDate}} de {{shiftStart}} à {{shiftEnd}} ?");
  await max.getByRole("button", { name: "Add the reply" }).click();
  await expect(max.getByTestId("my-replies").getByTestId("saved-reply")).toContainText(["Available?"]);

  await max.goto(`/inbox/${o.teammate.threadId}`);
  await live(max);
  const box = max.getByLabel("Message", { exact: true });
  await box.fill("Re: ");
  await box.press("End");
  await box.pressSequentially("/");
  const picker = max.getByTestId("saved-reply-picker");
  await expect(picker).toBeVisible();
  await max.getByLabel("Search saved replies").fill("avail");
  await max.getByLabel("Search saved replies").press("Enter");
  await expect(picker).toHaveCount(0);
  // In place of the "/", in French, with the shift's day and hours in Paris time.
  const day = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", weekday: "long" }).format(shift.startsAt);
  const hour = (d: Date) =>
    new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit" }).format(d);
  await expect(box).toHaveValue(
    new RegExp(
      `^Re: Bonjour Tess, êtes-vous disponible ${day} .* de ${hour(shift.startsAt)} à ${hour(shift.endsAt)} \\?$`,
    ),
  );
  await max.getByRole("button", { name: "Send" }).click();
  await expect(max.getByTestId("message").last()).toContainText("Bonjour Tess, êtes-vous disponible");

  // Theo has no shift: the reply goes in with its shift variables flagged, and is not sent.
  await max.goto(`/inbox/${o.teammate2.threadId}`);
  await live(max);
  await max.getByRole("button", { name: "Saved replies" }).click();
  await max.getByRole("option", { name: /Available\?/ }).click();
  await expect(box).toHaveValue(`Hi ${o.teammate2.firstName}, are you free {{shiftDate}} {{shiftStart}}-{{shiftEnd}}?`);
  await expect(max.getByTestId("unfilled-variable")).toHaveText(
    "Fill in {{shiftDate}} before sending: this thread has no value for it.",
  );
  await max.getByRole("button", { name: "Send" }).click();
  await expect(max.locator("#message-body-error")).toHaveText(
    "Fill in {{shiftDate}} before sending: this thread has no value for it.",
  );
  await expect(max.getByTestId("message")).toHaveCount(0);
  await box.fill("Are you free on Friday?");
  await expect(max.getByTestId("unfilled-variable")).toHaveCount(0);
  await max.getByRole("button", { name: "Send" }).click();
  await expect(max.getByTestId("message")).toHaveText([/Are you free on Friday\?/]);
  await max.context().close();
});
