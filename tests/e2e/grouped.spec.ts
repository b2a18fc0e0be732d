import twilio from "twilio";
import { test, expect, newOrg, pageAs, live, e2eDb, shiftFor } from "./fixtures";
import { E2E_PORT, E2E_TWILIO_TOKEN } from "./env";
import { pdf } from "../helpers/files";

test("a manager sends a grouped message with an SMS copy and follows each recipient", async ({ browser }) => {
  const o = await newOrg();
  await e2eDb().user.update({ where: { id: o.teammate.id }, data: { phone: "+33612345678" } });
  await e2eDb().teammateProfile.update({ where: { userId: o.teammate.id }, data: { smsConsent: true } });
  await e2eDb().user.update({ where: { id: o.teammate2.id }, data: { phone: "+33698765432" } }); // a number, but no consent

  const page = await pageAs(browser, o.manager);
  await page.getByRole("button", { name: "Actions for this list" }).click();
  await page.getByRole("link", { name: "Message these 2 teammates" }).click();
  await expect(page.getByTestId("grouped-summary")).toHaveText(
    "2 in the app, 1 by SMS, 1 without a mobile number or consent",
  );
  await expect(page.getByTestId("recipients")).toContainText(/Theo Two\s*\(no SMS: no consent\)/);
  await page.getByLabel("Message").fill("The staff meeting moves to 3 pm");
  await page.getByLabel("Send a copy by SMS").check();
  await page.getByRole("button", { name: "Send to 2 teammates" }).click();

  await expect(page).toHaveURL(/\/inbox\/batches\//);
  const totals = page.getByTestId("batch-totals");
  await expect(totals).toContainText("2 of 2 in their threads", { timeout: 20_000 });
  await expect(totals).toContainText("0 of 2 read");
  const tess = page.getByTestId("batch-recipient").filter({ hasText: "Tess One" });
  await expect(tess).toContainText(/Sent|Queued/, { timeout: 20_000 });
  await expect(page.getByTestId("batch-recipient").filter({ hasText: "Theo Two" })).toContainText("no consent");

  // Each teammate has it in their own thread; the one who reads it counts as read.
  const phone = await pageAs(browser, o.teammate);
  await expect(phone.getByTestId("message").filter({ hasText: "The staff meeting moves to 3 pm" })).toBeVisible();
  await expect(totals).toContainText("1 of 2 read", { timeout: 20_000 });

  // The SMS copy waits in the outbox (no Twilio account here), with its link; Theo, without consent, has the app's only.
  await page.goto("/outbox");
  await expect(page.getByTestId("sms").filter({ hasText: "+33612345678" })).toContainText(
    "The staff meeting moves to 3 pm",
  );
  await expect(page.getByTestId("sms").filter({ hasText: "+33698765432" })).toHaveCount(0);
  const theo = await pageAs(browser, o.teammate2);
  await expect(theo.getByTestId("message").filter({ hasText: "The staff meeting moves to 3 pm" })).toBeVisible();
  await theo.context().close();
  await phone.context().close();
  await page.context().close();
});

// In a test of its own, so that each stays well within its time on a busy machine.
test("a reply by SMS shows live in the open thread; a message from the thread can go with an SMS copy", async ({
  browser,
}) => {
  const o = await newOrg();
  // A number of this test's own: an SMS from a number that teammates of several organisations share
  // is not routed unless one of them was written to lately, and other tests give their Tess this one.
  const phone = `+3361${String(Date.now()).slice(-7)}`;
  await e2eDb().user.update({ where: { id: o.teammate.id }, data: { phone } });
  await e2eDb().teammateProfile.update({ where: { userId: o.teammate.id }, data: { smsConsent: true } });

  // Tess answers by SMS: Twilio posts it, signed; the open thread shows it without a reload.
  const page = await pageAs(browser, o.manager, { path: `/inbox/${o.teammate.threadId}` });
  await live(page);
  const url = `http://127.0.0.1:${E2E_PORT}/api/sms/inbound`;
  const form = {
    MessageSid: `SM${crypto.randomUUID().replace(/-/g, "")}`,
    From: phone,
    To: "+15005550006",
    Body: "OK for 3 pm",
  };
  const forged = await page.request.post(url, { form, headers: { "X-Twilio-Signature": "forged" } });
  expect(forged.status()).toBe(403);
  const answer = await page.request.post(url, {
    form,
    headers: { "X-Twilio-Signature": twilio.getExpectedTwilioSignature(E2E_TWILIO_TOKEN, url, form) },
  });
  expect(answer.status()).toBe(200);
  await expect(page.getByTestId("message").filter({ hasText: "OK for 3 pm" })).toHaveCount(1);

  // From the thread itself, a message with an SMS copy; Theo (no number) cannot get one.
  await page.getByLabel("Message").fill("See you at 3");
  await page.getByTestId("composer-options").click();
  await page.getByLabel("Send a copy by SMS").check();
  // What is on shows beside the control once the menu closes.
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("composer-options-on")).toHaveText("Send a copy by SMS");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByTestId("message").filter({ hasText: "See you at 3" })).toHaveCount(1);
  await page.goto("/outbox");
  await expect(page.getByTestId("sms").filter({ hasText: "See you at 3" })).toBeVisible({ timeout: 10_000 });
  await page.goto(`/inbox/${o.teammate2.threadId}`);
  await page.getByTestId("composer-options").click();
  await expect(page.getByLabel("Send a copy by SMS")).toBeDisabled();
  await page.context().close();
});

test("the contact list's schedule filter chooses who a grouped message goes to", async ({ browser }) => {
  const o = await newOrg();
  const now = Date.now();
  await shiftFor(o, {
    activity: "Night round",
    startsAt: new Date(now - 3600_000),
    endsAt: new Date(now + 60_000),
    assignees: [o.teammate.id],
  });
  const page = await pageAs(browser, o.manager);
  await page.getByText("Filters").click();
  await page.getByLabel("Schedule").selectOption("today");
  await expect(page).toHaveURL(/scheduled=today/);
  await expect(page.getByTestId("contact-count")).toHaveText("1–1 of 1");
  await page.getByRole("button", { name: "Actions for this list" }).click();
  await page.getByRole("link", { name: "Message these 1 teammate" }).click();
  await expect(page.getByTestId("recipients").getByRole("checkbox")).toHaveCount(1);
  await expect(page.getByTestId("recipients")).toContainText("Tess One");
  await page.getByLabel("Message").fill("Tonight's round is shorter");
  await page.getByRole("button", { name: "Send to 1 teammate" }).click();
  await expect(page.getByTestId("batch-totals")).toContainText("1 of 1 in their threads", { timeout: 20_000 });
  const theo = await pageAs(browser, o.teammate2);
  await expect(theo.getByTestId("message").filter({ hasText: "Tonight's round is shorter" })).toHaveCount(0);
  await theo.context().close();
  await page.context().close();
});

test("checkboxes in the contact list pick who a grouped message goes to", async ({ browser }) => {
  const o = await newOrg();
  const page = await pageAs(browser, o.manager);
  await page.getByRole("button", { name: "Select", exact: true }).click();
  await page.getByRole("checkbox", { name: "Select Theo Two" }).check();
  await page.getByRole("link", { name: "Message 1 selected" }).click();
  await expect(page.getByText("To the teammate selected in the contact list")).toBeVisible();
  await expect(page.getByTestId("recipients").getByRole("checkbox")).toHaveCount(1);
  await page.getByLabel("Message").fill("Only for Theo");
  await page
    .locator("#grouped-files")
    .setInputFiles([{ name: "rota.pdf", mimeType: "application/pdf", buffer: pdf() }]);
  await expect(page.getByTestId("upload-tray").locator("li[data-status=ready]")).toHaveCount(1);
  await page.getByRole("button", { name: "Send to 1 teammate" }).click();
  await expect(page.getByTestId("batch-recipient")).toHaveCount(1);
  await expect(page.getByTestId("batch-recipient")).toContainText("Theo Two");
  const theo = await pageAs(browser, o.teammate2);
  await expect(
    theo
      .getByTestId("message")
      .filter({ hasText: "Only for Theo" })
      .getByRole("link", { name: /Open rota\.pdf/ }),
  ).toBeVisible();
  const tess = await pageAs(browser, o.teammate);
  await expect(tess.getByTestId("message").filter({ hasText: "Only for Theo" })).toHaveCount(0);
  await tess.context().close();
  await theo.context().close();
  await page.context().close();
});
