import { test, expect, newOrg, pageAs, live, e2eDb, signIn } from "./fixtures";
import { openSecret } from "../../lib/email/secrets";
import { E2E_SECRET } from "./env";

/** The link of the newest password e-mail to `email`, as its recipient gets it: sealed in the outbox, opened with the server's secret. */
const linkTo = async (email: string) => {
  const mail = await expect
    .poll(() =>
      e2eDb().emailOutbox.findFirst({
        where: { toEmail: email, secret: { not: null } },
        orderBy: { createdAt: "desc" },
      }),
    )
    .not.toBeNull()
    .then(() =>
      e2eDb().emailOutbox.findFirstOrThrow({
        where: { toEmail: email, secret: { not: null } },
        orderBy: { createdAt: "desc" },
      }),
    );
  return new URL(openSecret(mail.secret!, E2E_SECRET)!).pathname;
};

test("an admin invites a manager, who chooses a password from the e-mail's link and signs in; the link then no longer works", async ({
  browser,
}) => {
  const o = await newOrg();
  const admin = await pageAs(browser, o.admin, { path: "/teammates" });
  await admin.getByRole("link", { name: "Invite someone" }).click();
  const email = `nora-${o.tag}@t.test`;
  const form = admin.getByTestId("invite-form");
  await form.getByLabel("E-mail").fill(email);
  await form.getByLabel("First name").fill("Nora");
  await form.getByLabel("Last name").fill("North");
  await form.getByLabel("Role").selectOption("MANAGER");
  await form.getByRole("button", { name: "Send the invitation" }).click();
  await expect(admin.getByRole("status")).toHaveText(`Invitation sent to ${email}.`);
  // The same address again is refused, with the reason next to the field.
  await form.getByLabel("E-mail").fill(email);
  await form.getByLabel("First name").fill("Nora");
  await form.getByLabel("Last name").fill("Again");
  await form.getByRole("button", { name: "Send the invitation" }).click();
  await expect(admin.getByText("Someone in your organisation already uses this e-mail address.")).toBeVisible();

  const path = await linkTo(email);
  expect(path).toMatch(/^\/welcome\//);
  // The admin reads the invitation in the outbox, but never its link: only Nora's e-mail carries it.
  await admin.goto("/outbox");
  const invitation = admin.getByTestId("email").filter({ hasText: `To ${email}` });
  await expect(invitation).toContainText("[link hidden: it is only in the e-mail itself]");
  expect(await admin.content()).not.toContain(path);
  const nora = await browser.newContext().then((c) => c.newPage());
  await nora.goto(path);
  await expect(nora.getByText("Hello Nora!")).toBeVisible();
  await nora.getByLabel("New password", { exact: true }).fill("short");
  await nora.getByLabel("The new password again").fill("short");
  await nora.getByRole("button", { name: "Save and sign in" }).click();
  await expect(nora.getByText("Use at least 10 characters.")).toBeVisible();
  await nora.getByLabel("New password", { exact: true }).fill("a quiet harbour at dawn");
  await nora.getByLabel("The new password again").fill("a quiet harbour at dawn");
  await nora.getByRole("button", { name: "Save and sign in" }).click();
  await expect(nora).toHaveURL(/\/inbox/);
  await expect(nora.getByTestId("current-user")).toHaveText("Nora North");
  await nora.goto(path);
  await expect(nora.getByText("This link has expired or was already used.")).toBeVisible();

  // Signing in with it later works too.
  const again = await browser.newContext().then((c) => c.newPage());
  await signIn(again, email, "a quiet harbour at dawn");
  await expect(again).toHaveURL(/\/inbox/);
  for (const p of [admin, nora, again]) await p.context().close();
});

test("a manager without messaging rights has no inbox; disabling a teammate ends their open session at once", async ({
  browser,
}) => {
  const o = await newOrg();
  const admin = await pageAs(browser, o.admin, { path: `/people/${o.manager.id}` });
  await admin.getByRole("button", { name: "Remove access to messaging" }).click();
  await expect(admin.getByTestId("messaging-section")).toContainText("No access to messaging");

  const max = await pageAs(browser, o.manager, { path: "/schedule" });
  const nav = max.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Schedule" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Messaging" })).toHaveCount(0);
  await max.goto(`/inbox/${o.teammate.threadId}`);
  await expect(max).toHaveURL(/\/schedule/);
  expect((await max.request.get(`/api/conversations/${o.teammate.threadId}/messages?before=10`)).status()).toBe(403);

  // The last admin cannot be demoted: the refusal says why.
  await admin.goto(`/people/${o.admin.id}`);
  await admin.getByRole("button", { name: "Make manager" }).click();
  await expect(admin.getByTestId("role-section").getByRole("alert")).toHaveText(
    "The organisation must keep at least one active administrator.",
  );

  const tess = await pageAs(browser, o.teammate);
  await live(tess);
  await admin.goto(`/people/${o.teammate.id}`);
  await admin.getByRole("button", { name: "Disable the account" }).click();
  await expect(admin.getByTestId("status-section")).toContainText("Disabled");
  // Her stream closes and the page goes to sign-in.
  await expect(tess).toHaveURL(/\/sign-in/, { timeout: 15_000 });
  await admin.goto("/teammates?status=disabled");
  await expect(admin.getByTestId("person-row")).toContainText([`${o.teammate.lastName} ${o.teammate.firstName}`]);
  // Both changes are in the audit history, newest first.
  await admin.goto("/settings/audit?category=access");
  await expect(admin.getByTestId("audit-row")).toHaveText([
    /Account disabled.*Tess One/,
    /Access to messaging removed.*Max Manager/,
  ]);
  // Exported as CSV in the background, then downloaded by the admin who asked.
  await admin.getByRole("button", { name: "Export as CSV" }).click();
  await expect(admin).toHaveURL(/\/exports/);
  const exported = admin.getByTestId("export").first();
  await expect(exported).toContainText("Audit history (CSV)");
  await expect(exported).toHaveAttribute("data-status", "DONE", { timeout: 20_000 });
  const csv = await admin.request.get(
    (await exported.getByRole("link", { name: "Download the .csv" }).getAttribute("href"))!,
  );
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toMatch(/Account disabled,Tess One/);
  for (const p of [admin, max, tess]) await p.context().close();
});

test("a forgotten password is reset from the e-mail's link; the answer is the same for an unknown address", async ({
  browser,
}) => {
  const o = await newOrg();
  const page = await browser.newContext().then((c) => c.newPage());
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await page.getByLabel("E-mail").fill(`nobody-${o.tag}@t.test`);
  await page.getByRole("button", { name: "Send the link" }).click();
  const answer = await page.getByRole("status").textContent();
  await page.goto("/reset-password");
  await page.getByLabel("E-mail").fill(o.teammate.email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("status")).toHaveText(answer!);
  await page.goto(await linkTo(o.teammate.email));
  await page.getByLabel("New password", { exact: true }).fill("new words for a new week");
  await page.getByLabel("The new password again").fill("new words for a new week");
  await page.getByRole("button", { name: "Save and sign in" }).click();
  await expect(page).toHaveURL(/\/me/);
  await page.context().close();
});

test("a manager edits a teammate's profile and the inbox filters follow; a bad mobile number is refused with the reason", async ({
  browser,
}) => {
  const o = await newOrg();
  const page = await pageAs(browser, o.manager, { path: `/teammates/${o.teammate.id}` });
  await page.getByRole("link", { name: "Edit the profile" }).click();
  const form = page.getByTestId("profile-form");
  await form.getByLabel("Mobile (E.164, such as +33612345678)").fill("06 12 34 56 78");
  await form.getByLabel("City").fill("Villeurbanne");
  await form.getByLabel("Night").check();
  await form.getByRole("button", { name: "Save the profile" }).click();
  await expect(page.getByText("Enter the mobile number in international format")).toBeVisible();
  await expect(form.getByLabel("City")).toHaveValue("Villeurbanne"); // nothing typed is lost
  await expect(form.getByLabel("Night")).toBeChecked();
  await form.getByLabel("Mobile (E.164, such as +33612345678)").fill("+33 6 12 34 56 78");
  await form.getByRole("button", { name: "Save the profile" }).click();
  await expect(page).toHaveURL(new RegExp(`/teammates/${o.teammate.id}$`));
  await expect(page.getByText("+33612345678")).toBeVisible();
  await page.goto("/inbox?city=villeur");
  await expect(page.getByTestId("contact")).toHaveCount(1);
  await expect(page.getByTestId("contact")).toContainText("Tess One");
  await page.context().close();
});

test("an admin adds, renames and archives a skill; archived, it is no longer offered on profiles", async ({
  browser,
}) => {
  const o = await newOrg();
  const admin = await pageAs(browser, o.admin, { path: "/settings" });
  await admin.getByRole("link", { name: "Departments, groups, skills, tags, activities" }).click();
  const add = admin.getByTestId("add-skill");
  await add.getByRole("textbox").fill("Forklift");
  await add.getByRole("button", { name: "Add" }).click();
  const item = admin.getByTestId("skill-item").filter({ hasText: "Forklift" });
  await expect(item).toBeVisible();
  await add.getByRole("textbox").fill("Forklift");
  await add.getByRole("button", { name: "Add" }).click();
  await expect(add.getByRole("alert")).toHaveText("This name is already used here.");
  await item.getByText("Rename").click();
  await item.getByRole("textbox").fill("Forklift licence");
  await item.getByRole("button", { name: "Save" }).click();
  const renamed = admin.getByTestId("skill-item").filter({ hasText: "Forklift licence" });
  await expect(renamed).toBeVisible();
  await admin.goto(`/teammates/${o.teammate.id}/edit`);
  await expect(admin.getByTestId("profile-form").getByLabel("Forklift licence")).toBeVisible();
  await admin.goto("/settings/structure");
  await renamed.getByRole("button", { name: "Archive" }).click();
  await expect(renamed).toContainText("Archived");
  await admin.goto(`/teammates/${o.teammate.id}/edit`);
  await expect(admin.getByTestId("profile-form").getByLabel("Forklift licence")).toHaveCount(0);
  await admin.context().close();
});

test("a CSV with one bad row is refused whole; corrected, every row is imported", async ({ browser }) => {
  const o = await newOrg();
  const page = await pageAs(browser, o.manager, { path: "/teammates" });
  await page.getByRole("link", { name: "Import teammates" }).click();
  const csv = (second: string) =>
    Buffer.from(
      [
        "email,first_name,last_name,mobile,department,groups",
        `ana-${o.tag}@t.test,Ana,Roy,+33611111111,Care,Night`,
        second,
      ].join("\n"),
    );
  const upload = (buffer: Buffer) =>
    page.getByLabel("CSV file").setInputFiles({ name: "team.csv", mimeType: "text/csv", buffer });
  await upload(csv(`bo-${o.tag}@t.test,Bo,Lee,0612,Kitchen,`));
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("import-summary")).toHaveText(
    "1 row of 2 has a problem: nothing will be imported until the file is corrected.",
  );
  await expect(page.getByTestId("import-row").nth(1)).toContainText("Enter the mobile number in international format");
  await expect(page.getByTestId("import-row").nth(1)).toContainText("department: the organisation has no “Kitchen”.");
  await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);

  await upload(csv(`bo-${o.tag}@t.test,Bo,Lee,+33622222222,Care,`));
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("import-summary")).toHaveText("2 teammates are ready to import.");
  await page.getByRole("button", { name: "Import 2 teammates" }).click();
  await expect(page.getByRole("status")).toHaveText("2 teammates imported.");
  await page.goto("/teammates?q=roy");
  await expect(page.getByTestId("person-row")).toContainText(["Roy Ana"]);
  await page.context().close();
});
