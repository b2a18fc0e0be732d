import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeOrg, TEST_PASSWORD } from "@/tests/helpers/org";
import { authenticate } from "./credentials";
import { lockedUntil, recordFailure, THROTTLE, throttleKeys } from "./throttle";
import { loadSessionUser, revokeSession, revokeSessions } from "./session";
import { pruneRevokedSessions } from "@/lib/jobs/prune";

describe("authenticate", () => {
  it("signs in with the right password, case-insensitive e-mail", async () => {
    const { manager } = await makeOrg();
    const out = await authenticate(manager.email.toUpperCase(), TEST_PASSWORD, "10.0.0.1");
    expect(out).toMatchObject({ ok: true, user: { id: manager.id, role: "MANAGER" } });
  });

  it("refuses a wrong password and an unknown account alike", async () => {
    const { manager } = await makeOrg();
    expect(await authenticate(manager.email, "nope", "10.0.0.2")).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate("nobody@t.test", TEST_PASSWORD, "10.0.0.2")).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks an account for the address that keeps guessing, not for its owner elsewhere", async () => {
    const { manager } = await makeOrg();
    for (let i = 0; i < THROTTLE.pair.limit; i++) await authenticate(manager.email, "wrong", "10.1.0.1");
    expect(await authenticate(manager.email, TEST_PASSWORD, "10.1.0.1")).toMatchObject({ ok: false, reason: "locked" });
    // The owner, from their own address, signs in.
    expect(await authenticate(manager.email, TEST_PASSWORD, "10.1.1.1")).toMatchObject({ ok: true });
  });

  it("slows down guesses spread over many addresses with growing delays, never a lock that keeps the owner out", async () => {
    const { manager } = await makeOrg();
    const keys = throttleKeys(manager.email, "10.4.0.1");
    const t0 = new Date();
    for (let i = 0; i < THROTTLE.account.limit + 10; i++)
      await recordFailure(throttleKeys(manager.email, `10.4.${i}.9`), t0);
    // Refused for the longest delay, 30 s, and no more.
    const until = await lockedUntil(keys, t0);
    expect(until!.getTime() - t0.getTime()).toBe(THROTTLE.account.maxDelayMs);
    expect(await lockedUntil(keys, new Date(t0.getTime() + THROTTLE.account.maxDelayMs + 1))).toBeNull();
    // The delays grow: 1 s after the 10th failure, 2 s after the 11th.
    const { manager: other } = await makeOrg("B");
    const t1 = new Date();
    for (let i = 0; i < THROTTLE.account.limit; i++) await recordFailure(throttleKeys(other.email, `10.5.${i}.9`), t1);
    expect((await lockedUntil(throttleKeys(other.email, "10.5.99.9"), t1))!.getTime() - t1.getTime()).toBe(1000);
    await recordFailure(throttleKeys(other.email, "10.5.50.9"), t1);
    expect((await lockedUntil(throttleKeys(other.email, "10.5.99.9"), t1))!.getTime() - t1.getTime()).toBe(2000);
  });

  it("locks an address that tries many accounts", async () => {
    for (let i = 0; i < THROTTLE.address.limit; i++) await authenticate(`guess${i}@t.test`, "wrong", "10.9.9.9");
    const { manager } = await makeOrg();
    expect(await authenticate(manager.email, TEST_PASSWORD, "10.9.9.9")).toMatchObject({ ok: false, reason: "locked" });
    expect(await authenticate(manager.email, TEST_PASSWORD, "10.9.9.8")).toMatchObject({ ok: true });
  });

  it("a success resets the account's failure count", async () => {
    const { manager } = await makeOrg();
    for (let i = 0; i < THROTTLE.pair.limit - 1; i++) await authenticate(manager.email, "wrong", "10.2.0.1");
    expect(await authenticate(manager.email, TEST_PASSWORD, "10.2.0.1")).toMatchObject({ ok: true });
    for (let i = 0; i < THROTTLE.pair.limit - 1; i++) await authenticate(manager.email, "wrong", "10.2.0.1");
    expect(await authenticate(manager.email, TEST_PASSWORD, "10.2.0.1")).toMatchObject({ ok: true });
  });

  it("refuses a disabled user", async () => {
    const { manager } = await makeOrg();
    await db.user.update({ where: { id: manager.id }, data: { disabledAt: new Date() } });
    expect(await authenticate(manager.email, TEST_PASSWORD, "10.3.0.1")).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("sessions", () => {
  it("a session is valid until revoked or the user is disabled", async () => {
    const { manager, teammate } = await makeOrg();
    expect(await loadSessionUser(manager.id, 0)).toMatchObject({ id: manager.id, role: "MANAGER" });
    await revokeSessions(manager.id, manager.organizationId);
    expect(await loadSessionUser(manager.id, 0)).toBeNull();
    expect(await loadSessionUser(manager.id, 1)).not.toBeNull();

    await db.user.update({
      where: { id: teammate.id },
      data: { disabledAt: new Date(), sessionVersion: { increment: 1 } },
    });
    expect(await loadSessionUser(teammate.id, 1)).toBeNull();
  });

  it("revoking needs the user's own organisation", async () => {
    const a = await makeOrg("A");
    const b = await makeOrg("B");
    await revokeSessions(a.manager.id, b.org.id);
    expect(await loadSessionUser(a.manager.id, 0)).not.toBeNull();
  });

  it("signing out ends that session only: its token is refused, the user's other sessions hold", async () => {
    const { manager } = await makeOrg();
    const expiresAt = new Date(Date.now() + 3600_000);
    expect(await loadSessionUser(manager.id, 0, "phone")).not.toBeNull();
    await revokeSession({ sessionId: "phone", expiresAt, user: manager });
    await revokeSession({ sessionId: "phone", expiresAt, user: manager }); // twice is once
    expect(await loadSessionUser(manager.id, 0, "phone")).toBeNull();
    expect(await loadSessionUser(manager.id, 0, "laptop")).not.toBeNull();
    // Its open streams hear of it at once, on every instance (through the event log).
    const ended = await db.event.findMany({
      where: { organizationId: manager.organizationId, type: "session.ended" },
      select: { userId: true, audience: true, payload: true },
    });
    expect(ended).toEqual([{ userId: manager.id, audience: "USER", payload: { sessionId: "phone" } }]);
    // Forgotten once it would have expired anyway.
    expect(await pruneRevokedSessions(new Date(expiresAt.getTime() - 1000))).toBe(0);
    expect(await pruneRevokedSessions(new Date(expiresAt.getTime() + 1000))).toBe(1);
  });
});
