import { test, expect, newOrg, pageAs, name, upcomingShift, shiftFor, e2eDb, dayOf } from "./fixtures";

test("a teammate asks about a shift; the manager deletes the assignment and sets them unavailable", async ({
  browser,
}) => {
  const o = await newOrg();
  const { week } = await upcomingShift(o);
  const tess = await pageAs(browser, o.teammate, { path: `/me/schedule?week=${week}` });
  const shift = tess.getByTestId("my-shift").filter({ hasText: "Morning care" });
  await shift.getByText("Ask a question").click();
  await shift.getByLabel("Your question").fill("Can someone take my place?");
  await shift.getByRole("button", { name: "Send question" }).click();
  await expect(shift.getByRole("status")).toContainText("Sent to your organisation.");

  const max = await pageAs(browser, o.manager, { path: `/inbox/${o.teammate.threadId}` });
  const card = max.getByTestId("shift-card");
  await expect(card).toContainText("Question about a shift");
  await expect(card).toContainText("Morning care");
  await expect(card.getByRole("link", { name: "Open the shift" })).toHaveAttribute("href", /\/schedule\/shifts\//);
  await card.getByLabel("Set the teammate as unavailable in this time slot").check();
  max.once("dialog", (d) => void d.accept());
  await card.getByRole("button", { name: "Delete assignment" }).click();
  await expect(card).toContainText(/Assignment deleted by Max on .*; set as unavailable in this time slot/);
  await expect(card.getByRole("link", { name: "Open the shift to find a replacement" })).toHaveAttribute(
    "href",
    /\/schedule\/shifts\//,
  );

  // The teammate's schedule changes without a reload; their thread has the system message.
  await expect(tess.getByTestId("my-unavailability")).toBeVisible();
  await expect(tess.getByTestId("my-shift")).toHaveCount(0);
  await tess
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: /^Messages/ })
    .click();
  await expect(tess.getByTestId("message").last()).toContainText(
    "was deleted. You are marked unavailable for this time slot.",
  );
  // Their own card about that shift says they are off it, with no link to a shift they no longer have.
  const mine = tess.getByTestId("shift-card");
  await expect(mine).toContainText("You are no longer on this shift.");
  await expect(mine.getByRole("link")).toHaveCount(0);

  // Acting again does nothing more: the card shows what was done.
  await max.reload();
  await expect(max.getByTestId("shift-card").getByTestId("shift-action")).toContainText("Assignment deleted by Max");
  await tess.context().close();
  await max.context().close();
});

test("staff manage unavailability on a teammate's page, with clear refusals", async ({ browser }) => {
  const o = await newOrg();
  const max = await pageAs(browser, o.manager, { path: `/teammates/${o.teammate.id}` });
  await expect(max.getByRole("heading", { name: new RegExp(name(o.teammate)) })).toBeVisible();
  const add = max.getByRole("form", { name: "Add a period" });
  await add.getByLabel("From").fill("2031-03-10T09:00");
  await add.getByLabel("To").fill("2031-03-10T08:00");
  await add.getByRole("button", { name: "Add unavailability" }).click();
  await expect(add.getByRole("alert")).toHaveText("The end must be after the start.");

  await add.getByLabel("To").fill("2031-03-10T17:00");
  await add.getByLabel("Reason").fill("Training");
  await add.getByRole("button", { name: "Add unavailability" }).click();
  await expect(max.getByTestId("unavailability")).toContainText("10 Mar 2031, 09:00 – 10 Mar 2031, 17:00 · Training");

  const again = max.getByRole("form", { name: "Add a period" });
  await again.getByLabel("From").fill("2031-03-10T12:00");
  await again.getByLabel("To").fill("2031-03-10T18:00");
  await again.getByRole("button", { name: "Add unavailability" }).click();
  await expect(again.getByRole("alert")).toContainText(
    "This period overlaps another unavailability: 10 Mar 2031, 09:00 – 10 Mar 2031, 17:00 (Training).",
  );

  await max.getByTestId("unavailability").getByRole("button", { name: "Remove" }).click();
  await expect(max.getByTestId("unavailability")).not.toContainText("10 Mar 2031");
  await max.context().close();
});

test("the staff schedule shows the week per department, and assigning respects unavailability", async ({ browser }) => {
  const o = await newOrg();
  const { id, week } = await upcomingShift(o);
  const max = await pageAs(browser, o.manager, { path: `/schedule?week=${week}` });
  const grid = max.getByTestId("week-grid");
  await expect(
    grid
      .getByTestId("grid-row")
      .filter({ hasText: name(o.teammate) })
      .getByTestId("shift"),
  ).toContainText("Morning care");
  await max.getByLabel("Departments").selectOption({ label: o.dept.name });
  await expect(max).toHaveURL(/department=/);
  await grid.getByTestId("shift").filter({ hasText: "Morning care" }).first().click();
  await expect(max).toHaveURL(new RegExp(`/schedule/shifts/${id}`));
  const assigned = max.getByTestId("assigned").getByRole("listitem");
  await expect(assigned).toHaveCount(1);
  await assigned
    .first()
    .getByRole("button", { name: /Unassign/ })
    .click();
  await expect(assigned).toHaveCount(0);

  // Theo is unavailable over the shift: assigning him is refused with the reason.
  const theoPage = await pageAs(browser, o.manager, { path: `/teammates/${o.teammate2.id}` });
  const local = (d: Date) =>
    new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Paris", dateStyle: "short", timeStyle: "short" })
      .format(d)
      .replace(" ", "T");
  const add = theoPage.getByRole("form", { name: "Add a period" });
  await add.getByLabel("From").fill(local(new Date(Date.now())));
  await add.getByLabel("To").fill(local(new Date(Date.now() + 48 * 3600_000)));
  await add.getByRole("button", { name: "Add unavailability" }).click();
  await expect(theoPage.getByTestId("unavailability")).toBeVisible();
  await theoPage.context().close();

  await max.getByLabel("Assign a teammate").selectOption({ label: `${o.teammate2.lastName} ${o.teammate2.firstName}` });
  await max.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(max.getByRole("alert").filter({ hasText: "unavailable" })).toContainText("Theo is unavailable then");
  await max.getByLabel("Assign a teammate").selectOption({ label: `${o.teammate.lastName} ${o.teammate.firstName}` });
  await max.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(assigned).toHaveCount(1);
  await max.context().close();
});

test("the week grid shows what still needs people, who is away, and assigns from there; a phone shows one day", async ({
  browser,
}) => {
  const o = await newOrg();
  const startsAt = new Date(Date.now() + 2 * 3600_000);
  startsAt.setUTCMinutes(0, 0, 0);
  const endsAt = new Date(startsAt.getTime() + 4 * 3600_000);
  await shiftFor(o, { activity: "Night round", startsAt, endsAt, assignees: [], needed: 2 });
  await e2eDb().unavailability.create({
    data: {
      organizationId: o.org.id,
      userId: o.teammate2.id,
      startsAt: new Date(startsAt.getTime() - 3600_000),
      endsAt: new Date(endsAt.getTime() + 3600_000),
      reason: "Dentist",
      createdById: o.manager.id,
    },
  });
  // The organisation's calendar day (Paris), which is what the grid's days are.
  const week = dayOf(startsAt);
  const max = await pageAs(browser, o.manager, { path: `/schedule?week=${week}` });
  const grid = max.getByTestId("week-grid");
  const open = grid.getByTestId("grid-open").getByTestId("open-shift").filter({ hasText: "Night round" });
  await expect(open).toContainText("0/2");
  await expect(open).toContainText("2 more needed");
  await expect(grid.getByTestId("grid-row").filter({ hasText: name(o.teammate2) })).toContainText(
    "Unavailable · Dentist",
  );

  // Only who is free then is offered: Tess, not Theo (away).
  await open.getByRole("button", { name: /Assign someone to Night round/ }).click();
  const menu = max.locator(":popover-open");
  await expect(menu.getByLabel("Assign a teammate").locator("option:not([disabled])")).toHaveText([name(o.teammate)]);
  await menu.getByLabel("Assign a teammate").selectOption({ label: name(o.teammate) });
  await menu.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(open).toContainText("1 more needed");
  await expect(
    grid
      .getByTestId("grid-row")
      .filter({ hasText: name(o.teammate) })
      .getByTestId("shift"),
  ).toContainText("Night round");

  // On a phone: the same day, one at a time.
  const phone = await pageAs(browser, o.manager, { phone: true, path: `/schedule?week=${week}&day=${week}` });
  await expect(phone.getByTestId("week-grid")).toBeHidden();
  await expect(phone.getByTestId("open-shift").filter({ visible: true })).toContainText("1/2");
  await expect(phone.getByTestId("grid-away").filter({ visible: true })).toContainText("Theo Two · Dentist");
  await max.context().close();
  await phone.context().close();
});
