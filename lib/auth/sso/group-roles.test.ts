import { describe, expect, it } from "vitest";
import { branchesForGroups, groupsOf, roleForGroups, usernameOf, ZGroupRoles } from "./group-roles";

describe("roleForGroups", () => {
  const mappings = [
    { group: "console-officers", role: "officer" },
    { group: "aml-team", role: "compliance" },
    { group: "it-admins", role: "admin" },
  ] as const;

  it("gives no role to a person in no mapped group", () => {
    expect(roleForGroups(["contractors"], mappings)).toBeNull();
    expect(roleForGroups([], mappings)).toBeNull();
  });

  it("gives the mapped role", () => {
    expect(roleForGroups(["contractors", "console-officers"], mappings)).toBe("officer");
  });

  it("prefers admin, then compliance, whatever the order of groups or rows", () => {
    expect(roleForGroups(["console-officers", "aml-team"], mappings)).toBe("compliance");
    expect(roleForGroups(["aml-team", "it-admins", "console-officers"], [...mappings].reverse())).toBe("admin");
  });

  it("matches group names exactly (no case folding: ids and names are the provider's)", () => {
    expect(roleForGroups(["Console-Officers"], mappings)).toBeNull();
  });
});

describe("groupsOf", () => {
  it("reads an array, a single string, or nothing", () => {
    expect(groupsOf({ groups: ["a", 1, "b"] }, "groups")).toEqual(["a", "b"]);
    expect(groupsOf({ roles: "a" }, "roles")).toEqual(["a"]);
    expect(groupsOf({ groups: { a: true } }, "groups")).toEqual([]);
    expect(groupsOf({}, "groups")).toEqual([]);
  });
});

describe("usernameOf", () => {
  it("takes preferred_username, else the email, lower-cased", () => {
    expect(usernameOf({ preferred_username: " Alice ", email: "a@bank.test" })).toBe("alice");
    expect(usernameOf({ email: "Bob@Bank.test" })).toBe("bob@bank.test");
    expect(usernameOf({ preferred_username: "x".repeat(65) })).toBeNull();
    expect(usernameOf({ sub: "123" })).toBeNull();
  });
});

describe("ZGroupRoles", () => {
  it("refuses a group listed twice and an unknown role", () => {
    expect(ZGroupRoles.safeParse({ mappings: [{ group: "a", role: "officer" }, { group: "a", role: "admin" }] }).success).toBe(false);
    expect(ZGroupRoles.safeParse({ mappings: [{ group: "a", role: "root" }] }).success).toBe(false);
    expect(ZGroupRoles.safeParse({ mappings: [{ group: " a ", role: "admin" }] }).data).toEqual({ mappings: [{ group: "a", role: "admin", branches: [] }] });
  });

  it("takes a group that gives branches only, typed as text; refuses one that gives nothing or a bad code", () => {
    expect(ZGroupRoles.safeParse({ mappings: [{ group: "branch-01", role: "", branches: "01, 02 01" }] }).data).toEqual({ mappings: [{ group: "branch-01", role: null, branches: ["01", "02"] }] });
    expect(ZGroupRoles.safeParse({ mappings: [{ group: "nothing", role: "", branches: "" }] }).success).toBe(false);
    expect(ZGroupRoles.safeParse({ mappings: [{ group: "long", role: "officer", branches: "x".repeat(41) }] }).success).toBe(false);
  });
});

describe("branchesForGroups", () => {
  const mappings = [
    { group: "console-officers", role: "officer" },
    { group: "branch-01", role: null, branches: ["01"] },
    { group: "north", role: null, branches: ["04", "01", "05"] },
  ] as const;

  it("gives the union of the person's groups' branches, each once", () => {
    expect(branchesForGroups(["console-officers", "branch-01", "north"], mappings)).toEqual(["01", "04", "05"]);
  });

  it("gives null when no group of theirs names a branch, so an admin's choice stays", () => {
    expect(branchesForGroups(["console-officers"], mappings)).toBeNull();
    // a branches-only group gives no role
    expect(roleForGroups(["branch-01"], mappings)).toBeNull();
  });
});
