import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { TCurrentUser } from "@/lib/auth/current-user";
import { testUser } from "@/lib/auth/test-user";

const state = vi.hoisted(() => ({ user: null as TCurrentUser | null }));
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => state.user }));

const { ActionError, authedAction } = await import("@/lib/actions/safe-action");

const touched: string[] = [];
const adminOnly = authedAction
  .metadata({ name: "adminOnly", permission: "users:read" })
  .inputSchema(z.object({ value: z.string().max(3) }))
  .action(async ({ parsedInput, ctx }) => {
    touched.push(`${ctx.user.username}:${parsedInput.value}`);
    return { ok: true };
  });
const changePassword = authedAction
  .metadata({ name: "changePassword", permission: "profile:update", allowPending: true })
  .inputSchema(z.object({}))
  .action(async () => ({ ok: true }));
const failing = authedAction
  .metadata({ name: "failing", permission: "profile:update" })
  .inputSchema(z.object({}))
  .action(async () => {
    throw new Error("database password is hunter2");
  });
const expected = authedAction
  .metadata({ name: "expected", permission: "profile:update" })
  .inputSchema(z.object({}))
  .action(async () => {
    throw new ActionError("Someone else saved first.");
  });

const user = testUser;

describe("authedAction", () => {
  beforeEach(() => {
    touched.length = 0;
  });

  it("refuses anonymous callers and the wrong role before running anything", async () => {
    state.user = null;
    expect((await adminOnly({ value: "a" }))?.serverError).toMatch(/session has ended/);
    state.user = user("officer");
    expect((await adminOnly({ value: "a" }))?.serverError).toMatch(/role may not/);
    expect(touched).toEqual([]);
  });

  it("runs for the allowed role with validated input, and returns field errors for bad input", async () => {
    state.user = user("admin");
    expect((await adminOnly({ value: "abc" }))?.data).toEqual({ ok: true });
    expect(touched).toEqual(["admin:abc"]);
    const bad = await adminOnly({ value: "toolong" });
    expect(bad?.validationErrors?.value).toBeDefined();
    expect(touched).toEqual(["admin:abc"]);
  });

  it("refuses everything but the pending step's own actions while a step is pending", async () => {
    state.user = user("admin", "password");
    expect((await adminOnly({ value: "a" }))?.serverError).toMatch(/Change your password first/);
    expect((await changePassword({}))?.data).toEqual({ ok: true });
    state.user = user("officer", "totp");
    expect((await expected({}))?.serverError).toMatch(/two-factor/);
    expect(touched).toEqual([]);
  });

  it("shows expected errors as written and hides unexpected ones behind a reference", async () => {
    state.user = user("officer");
    expect((await expected({}))?.serverError).toBe("Someone else saved first.");
    const hidden = (await failing({}))?.serverError ?? "";
    expect(hidden).toMatch(/^Something went wrong \(reference [0-9a-f]{8}\)\.$/);
    expect(hidden).not.toContain("hunter2");
  });
});
