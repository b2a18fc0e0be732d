import type { Page, Route } from "@playwright/test";
import { test, expect, e2eDb, live, name, newOrg, pageAs, seedMessage } from "./fixtures";
import { fakePushService } from "../helpers/push-service";

// The teammate app as a phone uses it: installable, open without a network, notified by push.

/** Waits until the service worker controls the page and has kept its copy of `path`. */
async function savedForOffline(page: Page, path: string) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect
    .poll(() =>
      page.evaluate(
        async (p) =>
          Boolean(navigator.serviceWorker.controller && (await (await caches.open("shiftline-pages-v1")).match(p))),
        path,
      ),
    )
    .toBe(true);
}

test("the app installs: a manifest with its icons, and a service worker that runs", async ({ browser }) => {
  const o = await newOrg();
  const page = await pageAs(browser, o.teammate, { serviceWorker: true });
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  const manifest = (await (await page.request.get(href!)).json()) as {
    start_url: string;
    display: string;
    icons: { sizes: string; purpose: string }[];
  };
  expect(manifest).toMatchObject({
    start_url: "/me",
    display: "standalone",
    theme_color: "#0f766e",
    name: "Shiftline",
  });
  expect(manifest.icons).toEqual(
    expect.arrayContaining([expect.objectContaining({ sizes: "512x512", purpose: "maskable" })]),
  );
  for (const icon of manifest.icons)
    expect((await page.request.get((icon as unknown as { src: string }).src)).ok()).toBe(true);
  await savedForOffline(page, "/me");
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/sw\.js$/);
  // The smallest phones: nothing scrolls sideways, and the bottom bar is there.
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ["/me", "/me/schedule", "/me/profile"]) {
    await page.goto(path);
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  }
  await page.context().close();
});

/** The phone keeps saying it is online whatever happens (Chromium 150 in a page reloaded offline; phones on Wi-Fi without internet). */
async function phoneSaysOnline(page: Page) {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, "onLine", { get: () => true });
    for (const type of ["offline", "online"]) window.addEventListener(type, (e) => e.stopImmediatePropagation(), true);
  });
}

for (const browserSays of ["offline", "online"] as const)
  test(`offline, the last-viewed thread and the schedule open from the phone, marked offline; a message written offline is sent once (the browser says ${browserSays})`, async ({
    browser,
  }) => {
    const o = await newOrg();
    await seedMessage(o, o.teammate.threadId, o.manager, "Bring your badge tomorrow");
    const page = await pageAs(browser, o.teammate, {
      serviceWorker: true,
      beforeOpen: browserSays === "online" ? phoneSaysOnline : undefined,
    });
    await savedForOffline(page, "/me");
    await savedForOffline(page, "/me/schedule");

    await page.context().setOffline(true);
    // Written after the copy was kept: offline, the phone shows its copy, not this.
    await seedMessage(o, o.teammate.threadId, o.manager, "Not seen offline");
    await page.reload();
    await expect(page.getByTestId("message").filter({ hasText: "Bring your badge tomorrow" })).toBeVisible();
    await expect(page.getByText("Not seen offline")).toHaveCount(0);
    await expect(page.getByTestId("offline")).toBeVisible();
    await expect(page.getByTestId("saved-copy")).toContainText(/Saved copy from \d{1,2}:\d{2}/);

    await page.getByLabel("Message").fill("Running late, sorry");
    await page.getByRole("button", { name: "Send" }).click();
    const pending = page.getByTestId("pending-message");
    await expect(pending).toHaveAttribute("data-status", "waiting");
    await expect(pending).toContainText("Offline: sends when the network is back");
    // The app closed and opened again, still offline: the message is still waiting.
    await page.goto("/me/schedule");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByTestId("offline")).toBeVisible();
    await page.goto("/me");
    await expect(page.getByTestId("pending-message")).toContainText("Running late, sorry");

    await page.context().setOffline(false);
    await expect(page.getByTestId("offline")).toHaveCount(0);
    await expect(page.getByTestId("message").filter({ hasText: "Running late, sorry" })).toHaveCount(1);
    await expect(page.getByTestId("pending-message")).toHaveCount(0);
    // Back online, the copy is drawn again from the server: what came meanwhile shows.
    await expect(page.getByTestId("message").filter({ hasText: "Not seen offline" })).toBeVisible();
    await expect(page.getByTestId("saved-copy")).toHaveCount(0);
    expect(
      await e2eDb().message.count({ where: { conversationId: o.teammate.threadId, body: "Running late, sorry" } }),
    ).toBe(1);
    await page.context().close();
  });

test("connected but no internet: the phone says online, the app sees that Shiftline does not answer, says so, and sends what was written once it does", async ({
  browser,
}) => {
  const o = await newOrg();
  await seedMessage(o, o.teammate.threadId, o.manager, "Shift starts at 7");
  // Wi-Fi without internet, a captive portal, dead mobile data: the network interface is up,
  // requests to Shiftline fail. The browser keeps saying it is online.
  const cut = (route: Route) => route.abort("internetdisconnected");
  const page = await pageAs(browser, o.teammate, {
    beforeOpen: async (p) => {
      await phoneSaysOnline(p);
      await p.context().route("**/api/**", cut);
    },
  });
  // The page loaded, but its event stream cannot connect: nothing typed, the banner shows.
  await expect(page.getByTestId("message").filter({ hasText: "Shift starts at 7" })).toBeVisible();
  await expect(page.getByTestId("offline")).toBeVisible({ timeout: 10_000 });
  expect(await page.evaluate(() => navigator.onLine)).toBe(true);
  // Requests succeed again: the banner goes and the stream is open.
  await page.context().unroute("**/api/**", cut);
  await live(page);
  await expect(page.getByTestId("offline")).toHaveCount(0);

  // Cut again while the page is open: a message sent now waits on the device, the banner says why.
  await page.context().route("**/api/**", cut);
  await page.getByLabel("Message").fill("Stuck at the gate, no signal");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByTestId("pending-message")).toHaveAttribute("data-status", "waiting");
  await expect(page.getByTestId("offline")).toBeVisible();
  await seedMessage(o, o.teammate.threadId, o.manager, "Gate code is 4412");

  // Shiftline answers again: without any action, the message goes once and the page catches up.
  await page.context().unroute("**/api/**", cut);
  await expect(page.getByTestId("offline")).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByTestId("message").filter({ hasText: "Stuck at the gate, no signal" })).toHaveCount(1);
  await expect(page.getByTestId("pending-message")).toHaveCount(0);
  await expect(page.getByTestId("message").filter({ hasText: "Gate code is 4412" })).toBeVisible();
  expect(
    await e2eDb().message.count({
      where: { conversationId: o.teammate.threadId, body: "Stuck at the gate, no signal" },
    }),
  ).toBe(1);
  await page.context().close();
});

test("after 'Sign out on every device' from another device, the phone drops its saved pages once it learns of it: offline later, none opens", async ({
  browser,
}) => {
  const o = await newOrg();
  await seedMessage(o, o.teammate.threadId, o.manager, "Door code 4412");
  const phone = await pageAs(browser, o.teammate, { serviceWorker: true, path: "/me/messages" });
  await savedForOffline(phone, "/me/messages");
  await live(phone);
  // Another device of the same person signs out everywhere.
  const tablet = await pageAs(browser, o.teammate, { path: "/me/profile" });
  await tablet.getByRole("button", { name: "Sign out on every device" }).click();
  await expect(tablet).toHaveURL(/\/sign-in/);
  // The phone's open page learns that its session ended, and goes to sign in.
  await expect(phone).toHaveURL(/\/sign-in/, { timeout: 15_000 });
  await expect
    .poll(() => phone.evaluate(async () => (await (await caches.open("shiftline-pages-v1")).keys()).length))
    .toBe(0);
  // Offline later, the app opens: the offline page, never the saved thread.
  await phone.context().setOffline(true);
  await phone.goto("/me/messages").catch(() => undefined);
  await expect(phone.getByRole("heading", { name: "You are offline" })).toBeVisible(); // positive control: the worker answered
  await expect(phone.getByText("Door code 4412")).toHaveCount(0);
  await tablet.context().close();
  await phone.context().close();
});

// @full-browser: the headless shell denies notifications whatever the permission says.
test(
  "turning notifications on stores the device; a manager's message reaches it through the push service, with no private note",
  {
    tag: "@full-browser",
  },
  async ({ browser }) => {
    const service = await fakePushService();
    try {
      const o = await newOrg();
      const device = service.device(`phone-${o.teammate.id}`);
      const page = await pageAs(browser, o.teammate, {
        serviceWorker: true,
        path: "/me/profile",
        beforeOpen: async (p) => {
          await p.context().grantPermissions(["notifications"]);
          // Chromium's own push service is out of reach here: the browser's subscription is the test's device.
          await p.addInitScript((sub) => {
            let current: PushSubscription | null = null;
            const make = () =>
              ({
                endpoint: sub.endpoint,
                options: { userVisibleOnly: true },
                toJSON: () => ({ endpoint: sub.endpoint, keys: sub.keys }),
                unsubscribe: async () => ((current = null), true),
              }) as unknown as PushSubscription;
            PushManager.prototype.subscribe = async () => (current = make());
            PushManager.prototype.getSubscription = async () => current;
          }, device.subscription);
        },
      });
      await expect(page.getByTestId("push-device-state")).toHaveAttribute("data-state", "off");
      await page.getByRole("button", { name: "Turn on for this device" }).click();
      await expect(page.getByTestId("push-device-state")).toHaveAttribute("data-state", "on");
      expect(
        await e2eDb().pushSubscription.findMany({ where: { userId: o.teammate.id }, select: { endpoint: true } }),
      ).toEqual([{ endpoint: device.subscription.endpoint }]);

      const manager = await pageAs(browser, o.manager, { path: `/inbox/${o.teammate.threadId}` });
      await manager.getByLabel("Message").fill("Tess is on leave next week");
      await manager.getByRole("button", { name: "Note", exact: true }).click();
      await manager.getByRole("button", { name: "Add private note" }).click();
      await expect(manager.getByTestId("private-note").filter({ hasText: "Tess is on leave" })).toBeVisible();
      // The box stays a note's until the manager turns that off: a second note never goes out as a reply by mistake.
      await manager.getByRole("button", { name: "Note", exact: true }).click();
      await manager.getByLabel("Message").fill("Can you take the Saturday shift?");
      await manager.getByRole("button", { name: "Send" }).click();
      await expect(manager.getByTestId("message").filter({ hasText: "Saturday shift" })).toHaveCount(1);

      await expect
        .poll(() => service.received.filter((r) => r.device === `phone-${o.teammate.id}`).length, { timeout: 15_000 })
        .toBe(1);
      const payload = device.decrypt(service.received.find((r) => r.device === `phone-${o.teammate.id}`)!.body);
      expect(payload).toMatchObject({
        title: name(o.manager),
        body: "Can you take the Saturday shift?",
        url: "/me/messages",
        badge: 1,
      });
      expect(JSON.stringify(payload)).not.toContain("leave");

      // Off for this device: the server forgets it.
      await page.getByRole("button", { name: "Turn off for this device" }).click();
      await expect(page.getByTestId("push-device-state")).toHaveAttribute("data-state", "off");
      await expect.poll(() => e2eDb().pushSubscription.count({ where: { userId: o.teammate.id } })).toBe(0);
      await manager.context().close();
      await page.context().close();
    } finally {
      await service.close();
    }
  },
);

// @full-browser: the shell's service worker cannot show a notification (permission "denied").
test(
  "a push shows a notification with the sender, the preview and the address of the conversation it opens",
  {
    tag: "@full-browser",
  },
  async ({ browser }) => {
    const o = await newOrg();
    const page = await pageAs(browser, o.teammate, {
      serviceWorker: true,
      path: "/me/profile",
      beforeOpen: (p) => p.context().grantPermissions(["notifications"]),
    });
    await savedForOffline(page, "/me/profile");
    const worker = page.context().serviceWorkers()[0] ?? (await page.context().waitForEvent("serviceworker"));
    // What the service worker does with a push (the payload the server sends, as in lib/push/notify.ts).
    await worker.evaluate(async () => {
      const sw = self as unknown as EventTarget;
      const data = {
        title: "Max Manager",
        body: "Can you cover Saturday?",
        url: "/me/messages",
        tag: "t1",
        badge: 2,
        urgent: false,
      };
      const event = new Event("push") as Event & {
        data: { json: () => unknown };
        waitUntil: (p: Promise<unknown>) => void;
      };
      const work: Promise<unknown>[] = [];
      Object.assign(event, {
        data: { json: () => data, text: () => JSON.stringify(data) },
        waitUntil: (p: Promise<unknown>) => work.push(p),
      });
      sw.dispatchEvent(event);
      await Promise.all(work);
    });
    const shown = await worker.evaluate(async () => {
      const list: Notification[] = await (
        self as unknown as { registration: ServiceWorkerRegistration }
      ).registration.getNotifications();
      return list.map((n) => ({ title: n.title, body: n.body, url: (n.data as { url: string }).url }));
    });
    expect(shown).toEqual([{ title: "Max Manager", body: "Can you cover Saturday?", url: "/me/messages" }]);
    await page.context().close();
  },
);

test("staff turn notifications on from their account page, and mark a message urgent", async ({ browser }) => {
  const o = await newOrg();
  const page = await pageAs(browser, o.manager, { path: "/account", serviceWorker: true });
  await expect(page.getByRole("heading", { name: "Notifications" })).toBeVisible();
  await page.getByLabel("Quiet hours").check();
  await page.getByLabel("From").fill("22:00");
  await page.getByLabel("To").fill("22:00");
  await page.getByRole("button", { name: "Save notification settings" }).click();
  await expect(page.getByText("Quiet hours must start and end at different times.")).toBeVisible();
  await page.getByLabel("To").fill("06:30");
  await page.getByRole("button", { name: "Save notification settings" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  expect(
    await e2eDb().user.findUniqueOrThrow({ where: { id: o.manager.id }, select: { quietFrom: true, quietTo: true } }),
  ).toEqual({
    quietFrom: 22 * 60,
    quietTo: 6 * 60 + 30,
  });

  await page.goto(`/inbox/${o.teammate.threadId}`);
  await page.getByTestId("thread-menu").click();
  await page.getByRole("button", { name: "Mute notifications" }).click();
  await expect(page.getByRole("button", { name: "Unmute notifications" })).toBeVisible();
  await page.keyboard.press("Escape");
  await page.getByLabel("Message").fill("Call Tess's doctor back");
  await page.getByRole("button", { name: "Note", exact: true }).click();
  await page.getByRole("button", { name: "Add private note" }).click();
  await expect(page.getByTestId("private-note").filter({ hasText: "doctor" })).toBeVisible();
  await expect(page.getByLabel("Message")).toHaveValue("");
  // The service worker keeps no staff page: a private note is never stored on the device.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  const kept = await page.evaluate(async () => {
    const found: string[] = [];
    for (const name of await caches.keys())
      for (const request of await (await caches.open(name)).keys()) {
        const text = await (await caches.match(request))!.text();
        if (new URL(request.url).pathname.startsWith("/inbox") || text.includes("doctor back")) found.push(request.url);
      }
    return found;
  });
  expect(kept).toEqual([]);
  await page.getByLabel("Message").fill("Fire drill at 3 pm");
  await page.getByTestId("composer-options").click();
  await page.getByLabel("Urgent: notify even during quiet hours").check();
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByTestId("message").filter({ hasText: "Fire drill" })).toHaveCount(1);
  expect(
    await e2eDb().message.findFirstOrThrow({ where: { body: "Fire drill at 3 pm" }, select: { urgent: true } }),
  ).toEqual({ urgent: true });
  await page.context().close();
});
