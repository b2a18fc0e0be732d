import { test, expect, newOrg, pageAs, seedMessage, e2eDb, name } from "./fixtures";

// Search (issue 30): word forms and accents aside, in English and French; a result opens
// its thread at the message, paged in and marked. A teammate's search never shows a note.

test("a manager finds a message by another form of a word without its accent, and it opens at the message", async ({
  browser,
}) => {
  const o = await newOrg();
  await seedMessage(o, o.teammate.threadId, o.teammate, "Je peux remplacer Paul vendredi soir");
  // Enough newer messages that the match is not on the thread's newest page.
  for (let i = 0; i < 110; i++) await seedMessage(o, o.teammate.threadId, o.manager, `Update number ${i}`);
  await seedMessage(o, o.teammate2.threadId, o.teammate2, "Can you replace me on the night shift?");

  const max = await pageAs(browser, o.manager);
  await max.getByRole("link", { name: "Search", exact: true }).click();
  const box = max.getByRole("searchbox", { name: 'Words, or "a phrase"' });
  await box.fill("remplace VENDREDI");
  await max.getByRole("button", { name: "Search", exact: true }).click();
  const results = max.getByTestId("search-result");
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText(name(o.teammate));
  await expect(results.first().locator("mark")).toHaveText(["remplacer", "vendredi"]);

  // English forms: "replaced" finds "replace"; a phrase in quotes only where its words stand together.
  await box.fill('"night shifts"');
  await max.getByRole("button", { name: "Search", exact: true }).click();
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText("Can you replace me on the night shift?");
  await box.fill('"shift night"');
  await max.getByRole("button", { name: "Search", exact: true }).click();
  await expect(max.getByText('Nothing found for “"shift night"”')).toBeVisible();

  await box.fill("remplacé");
  await max.getByRole("button", { name: "Search", exact: true }).click();
  await results.first().click();
  await expect(max).toHaveURL(new RegExp(`/inbox/${o.teammate.threadId}\\?at=1`));
  const found = max.locator("[data-found]");
  await expect(found).toContainText("Je peux remplacer Paul vendredi soir");
  await expect(found).toBeInViewport();
  await max.context().close();
});

test("the teammate's search finds their own words and never a private note", async ({ browser }) => {
  const o = await newOrg();
  await seedMessage(o, o.teammate.threadId, o.teammate, "My locker code is koala42");
  await seedMessage(o, o.teammate2.threadId, o.teammate2, "Theo's koala42 too");
  const max = await pageAs(browser, o.manager, { path: `/inbox/${o.teammate.threadId}` });
  await max.getByRole("button", { name: "Note", exact: true }).click();
  await max.getByLabel("Message", { exact: true }).fill("koala42 is also the alarm code");
  await max.getByRole("button", { name: "Add private note" }).click();
  await expect(max.getByTestId("private-note").last()).toContainText("koala42 is also the alarm code");

  // Staff find the note, marked as one, and both threads' messages.
  await max.goto("/inbox/search?q=koala42");
  await expect(max.getByTestId("search-result")).toHaveCount(3);
  await expect(max.locator("[data-testid=search-result][data-kind=note]")).toContainText("Private note");

  // The teammate: their own message (the positive control), not the note, not Theo's.
  const tess = await pageAs(browser, o.teammate);
  await tess.getByRole("link", { name: "Search", exact: true }).click();
  await tess.getByRole("searchbox", { name: 'Words, or "a phrase"' }).fill("koala42");
  await tess.getByRole("button", { name: "Search", exact: true }).click();
  await expect(tess.getByTestId("search-result")).toHaveCount(1);
  await expect(tess.getByTestId("search-result")).toContainText("My locker code is koala42");
  await expect(tess.getByText("alarm code")).toHaveCount(0);
  await expect(tess.getByText("Theo's")).toHaveCount(0);
  await tess.getByTestId("search-result").click();
  await expect(tess.locator("[data-found]")).toContainText("My locker code is koala42");
  await max.context().close();
  await tess.context().close();
});

test("in French, a manager filters by author and day and reads the results in French", async ({ browser }) => {
  const o = await newOrg();
  await e2eDb().user.update({ where: { id: o.manager2.id }, data: { locale: "fr" } });
  await seedMessage(o, o.teammate.threadId, o.teammate, "Qui peut échanger son créneau de nuit ?");
  await seedMessage(o, o.teammate.threadId, o.manager, "Je regarde les échanges possibles");
  const mia = await pageAs(browser, o.manager2, { path: "/inbox/search" });
  await expect(mia.getByRole("heading", { name: "Rechercher dans les messages" })).toBeVisible();
  const box = mia.getByRole("searchbox", { name: "Des mots, ou « une expression »" });
  await box.fill("echange");
  await mia.getByRole("button", { name: "Rechercher", exact: true }).click();
  await expect(mia.getByTestId("search-result")).toHaveCount(2);
  await mia.getByRole("search", { name: "Rechercher dans les messages" }).getByText("Filtres").click();
  await mia.getByLabel("Écrit par").selectOption({ label: "Les coéquipiers" });
  await mia.getByRole("button", { name: "Rechercher", exact: true }).click();
  await expect(mia.getByTestId("search-result")).toHaveCount(1);
  await expect(mia.getByTestId("search-result").locator("mark")).toHaveText("échanger");
  // A wrong day is said next to its field; the words stay in the box.
  await mia.goto("/inbox/search?q=echange&from=2026-02-31");
  await expect(mia.getByText("Saisissez un jour du calendrier, par exemple 2026-12-24.")).toBeVisible();
  await expect(box).toHaveValue("echange");
  await mia.context().close();
});
