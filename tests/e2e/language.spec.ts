import { test, expect, newOrg, pageAs, e2eDb, seedMessage, TEST_PASSWORD } from "./fixtures";

test("before sign-in, the browser's language decides", async ({ browser }) => {
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Se connecter" })).toBeVisible();
  await expect(page.getByLabel("E-mail")).toBeVisible();
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
  await expect(tabs).toHaveText([/^Messages/, "Planning", "Profil"]);
  await expect(tess.locator("html")).toHaveAttribute("lang", "fr");

  // A manager of the same organisation still works in English, and can switch too.
  const max = await pageAs(browser, o.manager);
  await expect(max.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText([
    "Messaging",
    "Schedule",
    "Teammates",
    "Exports",
  ]);
  await max.goto("/account");
  await max.getByLabel("Language").selectOption("fr");
  await max.getByRole("button", { name: "Change language" }).click();
  await expect(max.getByRole("navigation", { name: "Principal" }).getByRole("link")).toHaveText([
    "Messagerie",
    "Planning",
    "Employés",
    "Exports",
  ]);
  await expect(max.getByText("Gestionnaire").filter({ visible: true })).toBeVisible();
  await tess.context().close();
  await max.context().close();
});

test("the core flow in French: sign in, open a thread, send, mark as processed", async ({ browser }) => {
  const o = await newOrg();
  await e2eDb().user.update({ where: { id: o.manager.id }, data: { locale: "fr" } });
  await seedMessage(o, o.teammate.threadId, o.teammate, "Bonjour, une question sur vendredi");
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(o.manager.email);
  await page.getByLabel("Mot de passe").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("heading", { name: "Messagerie" })).toBeVisible();
  await page.getByTestId("contact").filter({ hasText: "Tess One" }).click();
  await expect(page.getByTestId("processed-banner")).toHaveText("Non traité");
  await page.getByLabel("Message").fill("Oui, c'est noté");
  await page.getByRole("button", { name: "Envoyer" }).click();
  await expect(page.getByTestId("message").last()).toContainText("Oui, c'est noté");
  await page.getByRole("button", { name: "Marquer comme traité" }).click();
  await expect(page.getByTestId("processed-banner")).toContainText("Traité par Max le");
  await expect(page.getByRole("button", { name: "Marquer comme non traité" })).toBeVisible();
  await context.close();
});
