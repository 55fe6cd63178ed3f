import { beforeEach, describe, expect, it, vi } from "vitest";
import type { TCurrentUser } from "@/lib/auth/current-user";
import { testUser } from "@/lib/auth/test-user";

const state = vi.hoisted(() => ({ user: null as TCurrentUser | null }));

vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => state.user }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`redirect:${url}`);
  },
  forbidden: () => {
    throw new Error("forbidden");
  },
}));

const { requireApiPermission, requirePagePermission } = await import("@/lib/auth/guard");

const user = testUser;

describe("page guard", () => {
  beforeEach(() => {
    state.user = null;
  });

  it("sends an anonymous visitor to the login page", async () => {
    await expect(requirePagePermission("queue:read")).rejects.toThrow("redirect:/login");
  });

  it("answers 403 to a role without the permission", async () => {
    state.user = user("admin");
    await expect(requirePagePermission("queue:read")).rejects.toThrow("forbidden");
    state.user = user("officer");
    await expect(requirePagePermission("users:read")).rejects.toThrow("forbidden");
  });

  it("sends a user with a pending step to it, whatever the page", async () => {
    state.user = user("officer", "password");
    await expect(requirePagePermission("queue:read")).rejects.toThrow("redirect:/account/password");
    state.user = user("admin", "totp");
    await expect(requirePagePermission("users:manage")).rejects.toThrow("redirect:/account/totp");
  });

  it("returns the user when allowed", async () => {
    state.user = user("compliance");
    await expect(requirePagePermission("queue:read")).resolves.toEqual(state.user);
  });
});

describe("route guard", () => {
  it("401 for nobody, 403 for the wrong role, the user otherwise", async () => {
    state.user = null;
    expect((await requireApiPermission("queue:read")).response?.status).toBe(401);
    state.user = user("admin");
    expect((await requireApiPermission("queue:read")).response?.status).toBe(403);
    state.user = user("officer");
    const allowed = await requireApiPermission("queue:read");
    expect(allowed.response).toBeUndefined();
    expect(allowed.user?.role).toBe("officer");
    state.user = user("officer", "password");
    expect((await requireApiPermission("queue:read")).response?.status).toBe(403);
  });
});
