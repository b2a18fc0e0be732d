import type { Browser, Page } from "@playwright/test";
import { test, expect, newOrg, e2eDb, TEST_PASSWORD, PHONE, type TestUser, upcomingShift } from "./fixtures";
import { leftovers } from "./leftovers";

// Each role signs in in French and walks its main pages: no text of the English catalogue
// shows. The walk also runs the texts Shiftline writes itself (a report, the record of
// what a manager did, the system message), each in its reader's language.

async function signInFrench(browser: Browser, user: TestUser, phone = false): Promise<Page> {
  const context = await browser.newContext({ locale: "fr-FR", ...(phone ? PHONE : {}) });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await noEnglish(page);
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Mot de passe").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).not.toHaveURL(/sign-in/);
  return page;
}

async function noEnglish(page: Page, path?: string) {
  if (path) await page.goto(path);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await page.waitForLoadState("load");
  expect(await leftovers(page, "fr"), `English text on ${page.url()}`).toEqual([]);
}

test("every role walks its main pages in French, with no English left", async ({ browser }) => {
  test.slow();
  const o = await newOrg("Northwind", { chatEnabled: true });
  await e2eDb().user.updateMany({
    where: { organizationId: o.org.id, id: { not: o.manager2.id } },
    data: { locale: "fr" },
  });
  // Names are people's own; the test world's "Max Manager" would read as the English word.
  for (const u of [o.manager, o.manager2])
    await e2eDb().user.update({ where: { id: u.id }, data: { lastName: "Moreau" } });
  const shift = await upcomingShift(o, "Soins du matin");
  const week = shift.week;

  // The teammate, on a phone: schedule, a report of unavailability, messages, profile.
  const tess = await signInFrench(browser, o.teammate, true);
  await noEnglish(tess);
  await noEnglish(tess, `/me/schedule?week=${week}`);
  const card = tess.getByTestId("my-shift").filter({ hasText: "Soins du matin" });
  await card.getByText("Signaler une indisponibilité").click();
  await card.getByLabel("Motif (facultatif)").fill("Rendez-vous médical");
  await card.getByRole("button", { name: "Signaler l'indisponibilité" }).click();
  await expect(card.getByRole("status")).toContainText("Envoyé à votre organisation.");
  await noEnglish(tess);
  await noEnglish(tess, "/me/messages");
  await expect(tess.getByTestId("message").last()).toContainText(
    "Je ne suis pas disponible pour ce créneau : Rendez-vous médical",
  );
  await noEnglish(tess, "/me/profile");
  await noEnglish(tess, "/me/search?q=indisponibilit%C3%A9");
  // Team chat: a private conversation with Theo, started from the phone.
  await noEnglish(tess, "/me/chat");
  await tess.getByRole("link", { name: "Nouvelle conversation privée" }).click();
  await tess.getByLabel("Theo Two").check();
  await tess.getByRole("button", { name: "Créer" }).click();
  await expect(tess.getByTestId("chat-title")).toHaveText("Theo Two");
  await tess.getByLabel("Message").fill("Tu peux me remplacer samedi ?");
  await tess.getByRole("button", { name: "Envoyer", exact: true }).click();
  await expect(tess.getByTestId("message").filter({ hasText: "Tu peux me remplacer samedi ?" })).toHaveCount(1);
  await noEnglish(tess);

  // A manager: the inbox, the thread with the report, Delete assignment, schedule, teammates.
  const max = await signInFrench(browser, o.manager);
  await noEnglish(max);
  await noEnglish(max, `/inbox/${o.teammate.threadId}`);
  const report = max.getByTestId("shift-card");
  await expect(report).toContainText("Indisponibilité signalée");
  await report.getByLabel("Indiquer l'employé comme indisponible sur ce créneau").check();
  max.once("dialog", (d) => void d.accept());
  await report.getByRole("button", { name: "Supprimer l'affectation" }).click();
  await expect(report).toContainText(/Affectation supprimée par Max le .* ; indiqué comme indisponible sur ce créneau/);
  await noEnglish(max);
  // Refusals are French too: an empty message, checked in the browser with the server's schema.
  await max.getByRole("button", { name: "Envoyer" }).click();
  await expect(max.getByText("Écrivez d'abord un message.")).toBeVisible();
  await noEnglish(max, `/schedule?week=${week}`);
  await noEnglish(max, `/schedule/shifts/${shift.id}`);
  await noEnglish(max, "/teammates");
  await noEnglish(max, "/inbox/search?q=indisponible&from=2026-02-31");
  await noEnglish(max, "/inbox/scheduled");
  await noEnglish(max, `/teammates/${o.teammate.id}`);
  await noEnglish(max, "/chat");
  await noEnglish(max, "/chat/new?kind=public");

  // The teammate was told in French.
  await tess.goto("/me/messages");
  await expect(tess.getByTestId("message").last()).toContainText(
    /^.*Votre affectation à Soins du matin le .* a été supprimée\. Vous êtes indiqué comme indisponible sur ce créneau\./,
  );

  // The administrator: the same pages plus the settings.
  const ada = await signInFrench(browser, o.admin);
  await noEnglish(ada);
  await noEnglish(ada, "/settings");
  await noEnglish(ada, "/settings/structure");
  await noEnglish(ada, "/settings/audit");
  await noEnglish(ada, "/settings/replies");
  await noEnglish(ada, "/people/invite");
  await noEnglish(ada, `/people/${o.manager.id}`);
  await noEnglish(ada, `/teammates/${o.teammate.id}/edit`);
  await noEnglish(ada, "/teammates");

  // A manager who works in English reads Max's record in English; the teammate's own words stay French.
  const mia = await browser.newContext({ locale: "en-GB" }).then((c) => c.newPage());
  await mia.goto("/sign-in");
  await mia.getByLabel("E-mail").fill(o.manager2.email);
  await mia.getByLabel("Password").fill(TEST_PASSWORD);
  await mia.getByRole("button", { name: "Sign in" }).click();
  await expect(mia.getByRole("heading", { name: "Messaging" })).toBeVisible();
  await mia.goto(`/inbox/${o.teammate.threadId}`);
  await expect(mia.getByTestId("shift-action")).toContainText(
    /^Assignment deleted by Max on .*; set as unavailable in this time slot$/,
  );
  await expect(mia.getByTestId("shift-card")).toContainText("Je ne suis pas disponible pour ce créneau");
  await mia.waitForLoadState("load");
  expect(await leftovers(mia, "en")).toEqual([]);
  // The check sees English where there is some: it cannot pass for want of looking.
  expect(await leftovers(mia, "fr")).toEqual(expect.arrayContaining(["Messaging", "Mark as processed", "Send"]));

  for (const page of [tess, max, ada, mia]) await page.context().close();
});
