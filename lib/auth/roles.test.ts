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
      for (const permission of ["users:read", "users:manage", "products:manage", "integrations:manage", "keys:manage", "audit:read"] as const) {
        expect(can(role, permission)).toBe(role === "admin");
      }
    }
  });

  it("only officers push and reconcile; only admins change settings", () => {
    for (const role of ROLES) {
      expect(can(role, "enrollment:push")).toBe(role === "officer");
      expect(can(role, "settings:manage")).toBe(role === "admin");
    }
  });

  it("only compliance reads, exports and reveals AML data; officers and admins do not", () => {
    for (const role of ROLES) {
      for (const permission of ["aml:read", "aml:export", "pii:reveal"] as const) expect(can(role, permission)).toBe(role === "compliance");
    }
  });

  it("officers and admins hear that no push worker is alive; compliance does not push", () => {
    expect(ROLES.filter((role) => can(role, "worker:status"))).toEqual(["officer", "admin"]);
  });

  it("nobody is allowed without a role", () => {
    for (const permission of Object.keys(PERMISSIONS) as Array<keyof typeof PERMISSIONS>) {
      expect(can(null, permission)).toBe(false);
      expect(can(undefined, permission)).toBe(false);
    }
  });

  it("the navigation holds exactly what the role may open", () => {
    expect(navFor("officer").map((item) => item.href)).toEqual(["/queue"]);
    expect(navFor("compliance").map((item) => item.href)).toEqual(["/queue", "/aml", "/aml/dashboard"]);
    expect(navFor("admin").map((item) => item.href)).toEqual([
      "/admin/users",
      "/admin/products",
      "/admin/integrations",
      "/admin/keys",
      "/admin/audit",
      "/admin/settings",
      "/desk",
    ]);
    expect(homeFor("admin")).toBe("/admin/users");
    // the desk dashboard: an officer sees it only as a lead of their branches
    expect(navFor("officer", { deskLead: true }).map((item) => item.href)).toEqual(["/queue", "/desk"]);
    expect(navFor("compliance", { deskLead: true }).map((item) => item.href)).not.toContain("/desk");
  });
});
