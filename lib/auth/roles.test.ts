import { describe, expect, it } from "vitest";
import { can, homeFor, navFor, PERMISSIONS, ROLES } from "@/lib/auth/roles";

describe("role policy", () => {
  it("officers and compliance read the queue; admins do not", () => {
    expect(can("officer", "queue:read")).toBe(true);
    expect(can("compliance", "queue:read")).toBe(true);
    expect(can("admin", "queue:read")).toBe(false);
  });

  it("only admins reach user and audit administration", () => {
    for (const role of ROLES) {
      expect(can(role, "users:read")).toBe(role === "admin");
      expect(can(role, "audit:read")).toBe(role === "admin");
    }
  });

  it("nobody is allowed without a role", () => {
    for (const permission of Object.keys(PERMISSIONS) as Array<keyof typeof PERMISSIONS>) {
      expect(can(null, permission)).toBe(false);
      expect(can(undefined, permission)).toBe(false);
    }
  });

  it("the navigation holds exactly what the role may open", () => {
    expect(navFor("officer").map((item) => item.href)).toEqual(["/queue"]);
    expect(navFor("compliance").map((item) => item.href)).toEqual(["/queue"]);
    expect(navFor("admin").map((item) => item.href)).toEqual(["/admin/users", "/admin/audit"]);
    expect(homeFor("admin")).toBe("/admin/users");
  });
});
