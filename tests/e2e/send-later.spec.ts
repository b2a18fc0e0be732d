import { test, expect, newOrg, pageAs, live, e2eDb, seedMessage } from "./fixtures";
import { utcToLocalInput } from "../../lib/text/time";

// Send later (issue 30): a manager schedules a reply in the organisation's time zone; it is
// listed, changed or cancelled until it leaves; it leaves once, live, when its time comes.
// The test moves the clock: it makes the job due now instead of waiting for the time.

/** A time `msFromNow` ahead, as the organisation (Paris) reads it in the time field. */
const paris = (msFromNow: number) => utcToLocalInput(new Date(Date.now() + msFromNow), "Europe/Paris");

test("a manager schedules a reply: listed, changed, cancelled, and it leaves once at its time", async ({ browser }) => {
  test.slow();
  const o = await newOrg();
  await seedMessage(o, o.teammate.threadId, o.teammate, "Can I come at 7?");
  const max = await pageAs(browser, o.manager, { path: `/inbox/${o.teammate.threadId}` });
  const tess = await pageAs(browser, o.teammate);
  await live(max);
  await live(tess);

  const box = max.getByLabel("Message", { exact: true });
  await box.fill("Yes, see you at 7");
  await max.getByRole("button", { name: "Schedule", exact: true }).click();
  await max.getByLabel("Send at").fill(paris(2 * 3600_000));
  await max.getByRole("button", { name: "Schedule for this time" }).click();
  await expect(max.getByTestId("scheduled-done")).toContainText("Scheduled for");
  await expect(box).toHaveValue("");
  await expect(max.getByTestId("scheduled-banner")).toContainText("1 message scheduled");

  // A second one, cancelled below.
  await box.fill("Bring your badge");
  await max.getByRole("button", { name: "Schedule", exact: true }).click();
  await max.getByLabel("Send at").fill(paris(3 * 3600_000));
  await max.getByRole("button", { name: "Schedule for this time" }).click();
  await expect(max.getByTestId("scheduled-banner")).toContainText("2 messages scheduled");

  // Listed, changed, cancelled.
  await max.getByTestId("scheduled-banner").getByRole("link", { name: "See" }).click();
  const rows = max.getByTestId("scheduled-row");
  await expect(rows).toHaveCount(2);
  const first = rows.filter({ hasText: "Yes, see you at 7" });
  await first.getByText("Change").click();
  await first.getByLabel("Message").fill("Yes, see you at 7 at the main entrance");
  await first.getByRole("button", { name: "Save" }).click();
  await expect(first.getByRole("status")).toHaveText("Saved.");
  await expect(rows.filter({ hasText: "main entrance" })).toHaveCount(1);
  await rows.filter({ hasText: "Bring your badge" }).getByRole("button", { name: "Cancel sending" }).click();
  await expect(rows).toHaveCount(1);

  // Nothing reached Tess yet: Max's message sent now gets there first (the positive control).
  await max.goto(`/inbox/${o.teammate.threadId}`);
  await box.fill("Got it");
  await max.getByRole("button", { name: "Send", exact: true }).click();
  await expect(tess.getByTestId("message").last()).toContainText("Got it");
  await expect(tess.getByText("main entrance")).toHaveCount(0);

  // Its time comes: it leaves once, live on both sides; the cancelled one never does.
  await e2eDb().job.updateMany({
    where: { kind: "message.scheduled", organizationId: o.org.id, doneAt: null },
    data: { runAt: new Date() },
  });
  await expect(tess.getByTestId("message").last()).toContainText("Yes, see you at 7 at the main entrance", {
    timeout: 20_000,
  });
  await expect(max.getByTestId("message").filter({ hasText: "main entrance" })).toHaveCount(1);
  await expect(max.getByTestId("scheduled-banner")).toHaveCount(0);
  await expect(tess.getByTestId("message").filter({ hasText: "main entrance" })).toHaveCount(1);
  await expect(tess.getByText("Bring your badge")).toHaveCount(0);
  await max.context().close();
  await tess.context().close();
});

test("a time the clocks skip is refused next to the field, and the words stay", async ({ browser }) => {
  const o = await newOrg();
  const max = await pageAs(browser, o.manager, { path: `/inbox/${o.teammate.threadId}` });
  const box = max.getByLabel("Message", { exact: true });
  await box.fill("Night shift change");
  await max.getByRole("button", { name: "Schedule", exact: true }).click();
  await max.getByLabel("Send at").fill("2027-03-28T02:30");
  await max.getByRole("button", { name: "Schedule for this time" }).click();
  await expect(max.getByRole("alert").filter({ hasText: "is not a time that happens" })).toBeVisible();
  await expect(box).toHaveValue("Night shift change");
  expect(await e2eDb().scheduledMessage.count({ where: { organizationId: o.org.id } })).toBe(0);
  await max.context().close();
});
