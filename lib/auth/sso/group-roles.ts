// Which console role an identity provider's groups give, and the mapping table's schema. Shared
// by the admin form and the server: no server imports here.
import { z } from "zod";
import { ROLES, type TRole } from "@/lib/auth/roles";
import { ZBranchList } from "@/lib/desk/branch-code";

/** A group gives a role, branches (lib/desk/scope.ts), or both; null role: branches only. */
export type TGroupRole = { group: string; role: TRole | null; branches?: readonly string[] };

export const ZGroupRoles = z.object({
  mappings: z
    .array(
      z
        .object({
          group: z.string().trim().min(1).max(255),
          role: z.preprocess((value) => (value === "" ? null : value), z.enum(ROLES).nullable()),
          branches: ZBranchList.default([]),
        })
        .refine((row) => row.role !== null || row.branches.length > 0, { error: "a role or branches", path: ["role"] }),
    )
    .max(200)
    .refine((rows) => new Set(rows.map((row) => row.group)).size === rows.length, { error: "each group once" }),
});
export type TGroupRoles = z.input<typeof ZGroupRoles>;

/**
 * A person in groups mapped to different roles gets the one with the widest administrative reach
 * first: the admin mapped each of those groups on purpose, and the roles share no page, so a
 * union is impossible; the order is stated here rather than left to the rows' order.
 */
const PRECEDENCE: readonly TRole[] = ["admin", "compliance", "officer"];

/** The role the groups map to, or null when none of them is mapped to a role (no access). */
export function roleForGroups(groups: readonly string[], mappings: readonly TGroupRole[]): TRole | null {
  const mapped = new Set(mappings.filter((m) => groups.includes(m.group)).map((m) => m.role));
  return PRECEDENCE.find((role) => mapped.has(role)) ?? null;
}

/**
 * The branches the groups give: the union of every mapped group's, in order. Null when none of
 * them gives any, so the branches an admin set by hand stay.
 */
export function branchesForGroups(groups: readonly string[], mappings: readonly TGroupRole[]): string[] | null {
  const branches = [...new Set(mappings.filter((m) => groups.includes(m.group)).flatMap((m) => m.branches ?? []))];
  return branches.length > 0 ? branches : null;
}

/**
 * The groups an ID token's claim lists. Providers send an array of strings (Keycloak, Okta, Entra
 * ID's object ids), some a single string; anything else counts as no groups.
 */
export function groupsOf(claims: Record<string, unknown>, claimName: string): string[] {
  const value = claims[claimName];
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  return [];
}

/** The console username for a new SSO user: `preferred_username`, else the email, lower-cased; null when neither fits. */
export function usernameOf(claims: Record<string, unknown>): string | null {
  for (const name of ["preferred_username", "email"]) {
    const value = claims[name];
    if (typeof value === "string" && value.trim() !== "" && value.trim().length <= 64) return value.trim().toLowerCase();
  }
  return null;
}
