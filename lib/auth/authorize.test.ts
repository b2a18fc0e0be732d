import { describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/errors";
import { orgScope, requireAdmin, requireRole, requireStaff } from "./authorize";
import { homePath, isStaff, type SessionUser } from "./roles";

const user = (role: SessionUser["role"]): SessionUser => ({
  id: "u",
  organizationId: "o",
  role,
  firstName: "F",
  lastName: "L",
  email: "e@x.test",
  locale: "en",
  messagingAccess: true,
});

describe("authorization checks", () => {
  it("staff are admins and managers", () => {
    expect(["ADMIN", "MANAGER", "TEAMMATE"].map((r) => isStaff(r as SessionUser["role"]))).toEqual([true, true, false]);
    expect(() => requireStaff(user("MANAGER"))).not.toThrow();
    expect(() => requireStaff(user("TEAMMATE"))).toThrow(ForbiddenError);
  });

  it("only admins pass requireAdmin", () => {
    expect(() => requireAdmin(user("ADMIN"))).not.toThrow();
    expect(() => requireAdmin(user("MANAGER"))).toThrow("Only an administrator can do this.");
  });

  it("requireRole checks the listed roles", () => {
    expect(() => requireRole(user("TEAMMATE"), ["ADMIN", "MANAGER"])).toThrow(ForbiddenError);
    expect(() => requireRole(user("TEAMMATE"), ["TEAMMATE"])).not.toThrow();
  });

  it("scopes queries to the user's organisation and sends each role home", () => {
    expect(orgScope(user("MANAGER"))).toEqual({ organizationId: "o" });
    expect([homePath("ADMIN"), homePath("MANAGER"), homePath("TEAMMATE")]).toEqual(["/inbox", "/inbox", "/me"]);
  });
});
