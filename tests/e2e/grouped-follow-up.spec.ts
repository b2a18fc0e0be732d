import { test, expect, newOrg, pageAs, live, e2eDb } from "./fixtures";

// Following up a grouped message (issue 30): each reader confirms with one tap (offline too,
// sent once back), the batch page counts it, a reminder goes in one click to those who have
// not confirmed, and the automatic SMS follow-up reaches the eligible ones still waiting.

test("confirm (offline, then sent), remind in one click, and the SMS follow-up, with the counts right", async ({
  browser,
}) => {
  test.slow();
  const o = await newOrg();
  for (const [id, phone] of [
    [o.teammate.id, "+33612345678"],
    [o.teammate2.id, "+33698765432"],
  ] as const) {
    await e2eDb().user.update({ where: { id }, data: { phone } });
    await e2eDb().teammateProfile.update({ where: { userId: id }, data: { smsConsent: true } });
  }
  const max = await pageAs(browser, o.manager);
  await max.getByRole("button", { name: "Actions for this list" }).click();
  await max.getByRole("link", { name: "Message these 2 teammates" }).click();
  await max.getByLabel("Message").fill("Fire drill Monday at 10");
  await max.getByLabel("Ask each one to confirm they have read it").check();
  await max.getByLabel("If still unread, send it again by SMS").selectOption({ label: "after 15 minutes" });
  await max.getByRole("button", { name: "Send to 2 teammates" }).click();
  await expect(max).toHaveURL(/\/inbox\/batches\//);
  const batchId = decodeURIComponent(new URL(max.url()).pathname.split("/").at(-1)!);
  const totals = max.getByTestId("batch-totals");
  await expect(totals).toContainText("0 of 2 confirmed", { timeout: 20_000 });
  await expect(totals).toContainText("Automatic SMS follow-up to those still unread at");

  // Tess confirms while offline: kept on her phone, sent when she is back.
  const tess = await pageAs(browser, o.teammate, { path: "/me/messages" });
  const copy = tess.getByTestId("message").filter({ hasText: "Fire drill Monday at 10" });
  await expect(copy.getByTestId("confirm-ask")).toContainText("Tap to confirm you have read this");
  await tess.context().setOffline(true);
  await copy.getByRole("button", { name: "Confirm" }).click();
  await expect(copy.getByTestId("confirm-queued")).toBeVisible();
  await tess.context().setOffline(false);
  await expect(copy.getByTestId("confirmed")).toContainText("Confirmed");
  await expect(totals).toContainText("1 of 2 confirmed", { timeout: 20_000 });
  await expect(max.getByTestId("batch-recipient").filter({ hasText: "Tess One" })).toContainText("Confirmed");

  // One click reminds the one who has not confirmed: Theo gets it live; Tess does not.
  const theo = await pageAs(browser, o.teammate2, { path: "/me/messages" });
  await live(theo);
  await max.getByRole("button", { name: "Remind the 1 who have not read or confirmed it" }).click();
  await expect(max.getByTestId("remind").getByRole("status")).toHaveText("Reminder on its way to 1 person.");
  await expect(theo.getByTestId("message").filter({ hasText: "Reminder: Fire drill Monday at 10" })).toBeVisible({
    timeout: 20_000,
  });
  await tess.reload();
  await expect(tess.getByTestId("message").filter({ hasText: "Fire drill Monday at 10" })).toHaveCount(1);

  // The follow-up's time comes (the test moves the clock), while Theo's number has had its 10 SMS
  // of the hour: nothing goes, and the batch page says why and that it will be tried again.
  const reminder = await e2eDb().message.findFirstOrThrow({
    where: { batchId: null, body: "Reminder: Fire drill Monday at 10", conversation: { teammateId: o.teammate2.id } },
  });
  const earlier = Array.from({ length: 10 }, (_, i) => ({
    organizationId: o.org.id,
    messageId: reminder.id,
    recipientId: `earlier-${i}`,
    toPhone: "+33698765432",
    body: "An earlier SMS",
    status: "DELIVERED" as const,
  }));
  await e2eDb().smsDelivery.createMany({ data: earlier });
  const due = () =>
    e2eDb().job.updateMany({ where: { key: `batch-follow-up:${batchId}` }, data: { runAt: new Date() } });
  await due();
  await expect(max.getByTestId("follow-up-problem")).toHaveText(
    "The automatic SMS follow-up was not sent: 1 number has already had 10 SMS this hour. Send without the SMS copy, or later. Shiftline tries again for an hour. You can also remind them below.",
    { timeout: 30_000 },
  );
  await expect(max.getByTestId("follow-up-sent")).toHaveCount(0);

  // An hour later there is room again: its next try sends it to Theo, who still has not confirmed; none to Tess.
  await e2eDb().smsDelivery.updateMany({
    where: { recipientId: { startsWith: "earlier-" }, messageId: reminder.id },
    data: { createdAt: new Date(Date.now() - 2 * 3600_000) },
  });
  await due();
  await expect(max.getByTestId("follow-up-sent")).toContainText("to 1 person.", { timeout: 30_000 });
  await expect(max.getByTestId("follow-up-problem")).toHaveCount(0);
  // The outbox page is drawn once: read again until the worker has written the SMS.
  await expect(async () => {
    await max.goto("/outbox");
    await expect(
      max.getByTestId("sms").filter({ hasText: "+33698765432" }).filter({ hasText: "Reminder:" }),
    ).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(max.getByTestId("sms").filter({ hasText: "+33612345678" })).toHaveCount(0);
  for (const page of [max, tess, theo]) await page.context().close();
});

test("without JavaScript, Confirm posts the form and the page comes back confirmed, counted once", async ({
  browser,
}) => {
  const o = await newOrg();
  const max = await pageAs(browser, o.manager);
  await max.getByRole("button", { name: "Actions for this list" }).click();
  await max.getByRole("link", { name: "Message these 2 teammates" }).click();
  await max.getByLabel("Message").fill("Badge check Friday");
  await max.getByLabel("Ask each one to confirm they have read it").check();
  await max.getByRole("button", { name: "Send to 2 teammates" }).click();
  await expect(max).toHaveURL(/\/inbox\/batches\//);
  const totals = max.getByTestId("batch-totals");
  await expect(totals).toContainText("0 of 2 confirmed", { timeout: 20_000 });

  const tess = await pageAs(browser, o.teammate, { javaScriptEnabled: false, path: "/me/messages" });
  const copy = tess.getByTestId("message").filter({ hasText: "Badge check Friday" });
  await expect(copy.getByTestId("confirm-ask")).toContainText("Tap to confirm you have read this");
  await copy.getByRole("button", { name: "Confirm" }).click();
  await expect(copy.getByTestId("confirmed")).toContainText("Confirmed");
  await expect(copy.getByRole("button", { name: "Confirm" })).toHaveCount(0);
  // The same post again (the browser's back and resend) changes nothing.
  await tess.reload();
  await expect(copy.getByTestId("confirmed")).toContainText("Confirmed");
  await expect(totals).toContainText("1 of 2 confirmed", { timeout: 20_000 });
  await expect(max.getByTestId("batch-recipient").filter({ hasText: "Tess One" })).toContainText("Confirmed");
  for (const page of [max, tess]) await page.context().close();
});
