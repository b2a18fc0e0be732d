import { test, expect, newOrg, pageAs } from "./fixtures";

test("before sign-in, the browser's language decides", async ({ browser }) => {
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Se connecter" })).toBeVisible();
  await expect(page.getByLabel("Courriel")).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await context.close();
});

test("each person picks their language in their profile; the others keep theirs", async ({ browser }) => {
  const o = await newOrg();
  const tess = await pageAs(browser, o.teammate, { path: "/me/profile" });
  await tess.getByLabel("Language").selectOption("fr");
  await tess.getByRole("button", { name: "Change language" }).click();
  await expect(tess.getByRole("heading", { name: "Profil" })).toBeVisible();
  const tabs = tess.getByRole("navigation", { name: "Principal" }).getByRole("link");
  await expect(tabs).toHaveText([/^Messages/, "Horaire", "Profil"]);
  await expect(tess.locator("html")).toHaveAttribute("lang", "fr");

  // A manager of the same organisation still works in English, and can switch too.
  const max = await pageAs(browser, o.manager);
  await expect(max.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText(["Messaging", "Schedule", "Teammates"]);
  await max.getByLabel("Language").selectOption("fr");
  await max.getByRole("button", { name: "Change language" }).click();
  await expect(max.getByRole("navigation", { name: "Principal" }).getByRole("link")).toHaveText(["Messagerie", "Horaire", "Employés"]);
  await expect(max.getByText("Gestionnaire")).toBeVisible();
  await tess.context().close();
  await max.context().close();
});
