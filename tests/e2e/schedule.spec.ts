import { test, expect, pageAs, MANAGER, OTHER_TEAMMATE, type Page } from "./fixtures";

/** The teammate's first shift that can still be asked about, this week or next. */
async function firstUpcomingShift(page: Page) {
  await page.getByRole("link", { name: "Schedule" }).click();
  await expect(page.getByRole("heading", { name: "My schedule" })).toBeVisible();
  const upcoming = page.getByTestId("my-shift").filter({ has: page.getByText("Ask a question") });
  if ((await upcoming.count()) === 0) await page.getByRole("link", { name: "Next week" }).click();
  await expect(upcoming.first()).toBeVisible();
  return upcoming.first();
}

test("a teammate asks about a shift; the manager deletes the assignment and sets them unavailable", async ({ browser }) => {
  const stamp = Date.now();
  // Hugo Lefebvre: a teammate no other test writes to.
  const hugo = await pageAs(browser, OTHER_TEAMMATE, { phone: true });
  const shift = await firstUpcomingShift(hugo);
  const when = (await shift.locator("p").nth(1).innerText()).trim();
  const weekUrl = hugo.url();
  await shift.getByText("Ask a question").click();
  await shift.getByLabel("Your question").fill(`Can someone take my place? ${stamp}`);
  await shift.getByRole("button", { name: "Send question" }).click();
  await expect(shift.getByRole("status")).toContainText("Sent to your organisation.");

  const maya = await pageAs(browser, MANAGER);
  await maya.goto("/teammates");
  await maya.getByRole("link", { name: "Lefebvre Hugo" }).click();
  await maya.getByRole("link", { name: "Message" }).click();
  const card = maya.getByTestId("shift-card").filter({ hasText: `${stamp}` });
  await expect(card).toContainText("Question about a shift");
  await expect(card).toContainText(when.split(",")[0]!);
  await expect(card.getByRole("link", { name: "Open the shift" })).toHaveAttribute("href", /\/schedule\/shifts\//);
  await card.getByLabel("Set the teammate as unavailable in this time slot").check();
  maya.once("dialog", (d) => void d.accept());
  await card.getByRole("button", { name: "Delete assignment" }).click();
  await expect(card).toContainText(/Assignment deleted by Maya on .*; set as unavailable in this time slot/);

  // The teammate's thread has the system message, and the schedule no longer has the shift.
  await hugo.getByRole("link", { name: "Messages" }).click();
  await expect(hugo.getByTestId("message").last()).toContainText("was deleted. You are marked unavailable for this time slot.");
  await hugo.goto(weekUrl);
  await expect(hugo.getByTestId("my-unavailability")).toBeVisible();
  await expect(hugo.getByTestId("my-shift").filter({ hasText: when })).toHaveCount(0);

  // Acting again does nothing more: the card shows what was done.
  await maya.reload();
  await expect(
    maya
      .getByTestId("shift-card")
      .filter({ hasText: `${stamp}` })
      .getByTestId("shift-action"),
  ).toContainText("Assignment deleted by Maya");
  await hugo.context().close();
  await maya.context().close();
});

test("staff manage unavailability on a teammate's page, with clear refusals", async ({ browser }) => {
  const maya = await pageAs(browser, MANAGER);
  await maya.goto("/teammates");
  await maya.getByRole("link", { name: "Bernard Ines" }).first().click();
  await expect(maya.getByRole("heading", { name: /Ines Bernard/ })).toBeVisible();
  const add = maya.getByRole("form", { name: "Add a period" });
  await add.getByLabel("From").fill("2031-03-10T09:00");
  await add.getByLabel("To").fill("2031-03-10T08:00");
  await add.getByRole("button", { name: "Add unavailability" }).click();
  await expect(add.getByRole("alert")).toHaveText("The end must be after the start.");

  await add.getByLabel("To").fill("2031-03-10T17:00");
  await add.getByLabel("Reason").fill("Training");
  await add.getByRole("button", { name: "Add unavailability" }).click();
  await expect(maya.getByTestId("unavailability")).toContainText("10 Mar 2031, 09:00 – 10 Mar 2031, 17:00 · Training");

  const again = maya.getByRole("form", { name: "Add a period" });
  await again.getByLabel("From").fill("2031-03-10T12:00");
  await again.getByLabel("To").fill("2031-03-10T18:00");
  await again.getByRole("button", { name: "Add unavailability" }).click();
  await expect(again.getByRole("alert")).toContainText("This period overlaps another unavailability: 10 Mar 2031, 09:00 – 10 Mar 2031, 17:00 (Training).");

  await maya.getByTestId("unavailability").getByRole("button", { name: "Remove" }).click();
  await expect(maya.getByTestId("unavailability")).not.toContainText("10 Mar 2031");
  await maya.context().close();
});

test("the staff schedule shows the week per department, and assigning respects unavailability", async ({ browser }) => {
  const maya = await pageAs(browser, MANAGER);
  await maya.getByRole("link", { name: "Schedule" }).click();
  await expect(maya.getByTestId("shift").first()).toBeVisible();
  await maya.getByRole("navigation", { name: "Departments" }).getByRole("link", { name: "Hospitality" }).click();
  await expect(maya).toHaveURL(/department=/);
  await expect(maya.getByTestId("shift").first()).toContainText("Hospitality");
  await maya.getByRole("link", { name: "Next week" }).click();
  const shift = maya.getByTestId("shift").first();
  await shift.getByRole("link").first().click();
  await expect(maya.getByRole("heading", { name: "Assigned teammates" })).toBeVisible();
  const assigned = maya.getByTestId("assigned").getByRole("listitem");
  const before = await assigned.count();
  await assigned
    .first()
    .getByRole("button", { name: /Unassign/ })
    .click();
  await expect(assigned).toHaveCount(before - 1);
  await maya.getByLabel("Assign a teammate").selectOption({ index: 1 });
  await maya.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(assigned).toHaveCount(before);
  await maya.context().close();
});
