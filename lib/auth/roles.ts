// The one table of who may do what. Pages, route handlers, server actions and the navigation
// all read it, so a role's reach is changed in one place.
export const ROLES = ["officer", "compliance", "admin"] as const;
export type TRole = (typeof ROLES)[number];

export const PERMISSIONS = {
  "queue:read": ["officer", "compliance"],
  "enrollment:read": ["officer", "compliance"],
  "enrollment:edit": ["officer"],
  "users:read": ["admin"],
  "audit:read": ["admin"],
  "profile:update": ["officer", "compliance", "admin"],
} as const satisfies Record<string, readonly TRole[]>;

export type TPermission = keyof typeof PERMISSIONS;

export function can(role: TRole | null | undefined, permission: TPermission): boolean {
  if (!role) return false;
  return (PERMISSIONS[permission] as readonly TRole[]).includes(role);
}

export type TNavItem = { href: string; labelKey: string; permission: TPermission };

export const NAV_ITEMS: readonly TNavItem[] = [
  { href: "/queue", labelKey: "queue", permission: "queue:read" },
  { href: "/admin/users", labelKey: "users", permission: "users:read" },
  { href: "/admin/audit", labelKey: "audit", permission: "audit:read" },
];

/** The navigation a role sees: only what it may open. */
export function navFor(role: TRole): TNavItem[] {
  return NAV_ITEMS.filter((item) => can(role, item.permission));
}

/** Where a role lands after signing in. */
export function homeFor(role: TRole): string {
  return navFor(role)[0]?.href ?? "/";
}
