import type { Page } from "@playwright/test";
import { test, expect, newOrg, pageAs, seedMessage, live, upcomingShift, mainPages } from "./fixtures";

// Every main page works under the Content Security Policy: no violation reported, the
// live stream connects, and each response carries the hardening headers.

async function watchPolicy(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  return violations;
}

test("every main page works under the security policy, with no violation", async ({ browser }) => {
  test.slow();
  const o = await newOrg();
  await seedMessage(o, o.teammate.threadId, o.teammate, "Hello");
  const shift = await upcomingShift(o);
  const pages = mainPages(o, shift.id);
  let violations: string[] = [];
  const ada = await pageAs(browser, o.admin, { beforeOpen: async (p) => void (violations = await watchPolicy(p)) });
  for (const path of pages.admin) {
    const response = await ada.goto(path);
    const headers = response!.headers();
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["strict-transport-security"]).toBeUndefined(); // plain http here
    await live(ada);
  }
  // Scripts run: a message sends and shows.
  await ada.goto(`/inbox/${o.teammate.threadId}`);
  await ada.getByLabel("Message").fill("Under the policy");
  await ada.getByRole("button", { name: "Send" }).click();
  await expect(ada.getByTestId("message").filter({ hasText: "Under the policy" })).toHaveCount(1);
  let teammateViolations: string[] = [];
  const tess = await pageAs(browser, o.teammate, {
    beforeOpen: async (p) => void (teammateViolations = await watchPolicy(p)),
  });
  for (const path of pages.teammate) {
    await tess.goto(path);
    await live(tess);
  }
  expect([...violations, ...teammateViolations]).toEqual([]);
  // Markup slipped into the page cannot run script: inline handlers are refused.
  await tess.goto("/me");
  const ran = await tess.evaluate(async () => {
    const box = document.createElement("div");
    box.innerHTML = '<img src="/nowhere.png" onerror="window.injected = true">';
    // The positive control: the image's error event, heard by a listener added after the
    // inline one. Handlers run in the order they were added, so the inline one's turn has passed.
    const failed = new Promise((r) => box.querySelector("img")!.addEventListener("error", r, { once: true }));
    document.body.appendChild(box);
    await failed;
    return (window as unknown as { injected?: boolean }).injected === true;
  });
  expect(ran).toBe(false);
  for (const p of [ada, tess]) await p.context().close();
});

test("API responses and the sign-in page carry the hardening headers too", async ({ request }) => {
  const api = await request.get("/api/ping");
  expect(api.status()).toBe(401);
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  const signIn = await request.get("/sign-in");
  expect(signIn.headers()["content-security-policy"]).toContain("object-src 'none'");
  expect(signIn.headers()["x-frame-options"]).toBe("DENY");
  // The bench's bare route is not part of the product: without the bench's switch it is not found.
  expect((await request.post("/api/bench/floor", { data: { body: "x" } })).status()).toBe(404);
});
