// The one table of who may do what. Pages, route handlers, server actions and the navigation
// all read it, so a role's reach is changed in one place.
export const ROLES = ["officer", "compliance", "admin"] as const;
export type TRole = (typeof ROLES)[number];

export const PERMISSIONS = {
  "queue:read": ["officer", "compliance"],
  "enrollment:read": ["officer", "compliance"],
  /** Every branch's enrollments; anyone else sees only those of their own branches (lib/desk/scope.ts). */
  "enrollment:all-branches": ["compliance", "admin"],
  /** Claim and release enrollments of one's branches (the desk's ownership). */
  "enrollment:own": ["officer"],
  "enrollment:edit": ["officer"],
  /** Notes on an enrollment (append-only, never sent to the core or AMLYZE). */
  "enrollment:note": ["officer", "compliance"],
  /** Push to the core and reconcile unknown outcomes. */
  "enrollment:push": ["officer"],
  /** The AML queue, a customer's AML view and timeline, the AML dashboard (read-only). */
  "aml:read": ["compliance"],
  /** The filtered AML queue as CSV. */
  "aml:export": ["compliance"],
  /** Full identity document numbers, one explicit and audited click at a time. */
  "pii:reveal": ["compliance"],
  "users:read": ["admin"],
  /** Create users, change roles, disable, reset passwords and second factors. */
  "users:manage": ["admin"],
  /** Create, edit, deactivate product codes. */
  "products:manage": ["admin"],
  /** Core and AMLYZE endpoints and credentials, and testing them. */
  "integrations:manage": ["admin"],
  /** Intake API keys: create, revoke. */
  "keys:manage": ["admin"],
  "audit:read": ["admin"],
  "settings:manage": ["admin"],
  "profile:update": ["officer", "compliance", "admin"],
  /** The banner saying no push worker is alive: those who push, and those who can fix it. */
  "worker:status": ["officer", "admin"],
} as const satisfies Record<string, readonly TRole[]>;

export type TPermission = keyof typeof PERMISSIONS;

export function can(role: TRole | null | undefined, permission: TPermission): boolean {
  if (!role) return false;
  return (PERMISSIONS[permission] as readonly TRole[]).includes(role);
}

export type TNavItem = { href: string; labelKey: string; permission: TPermission };

export const NAV_ITEMS: readonly TNavItem[] = [
  { href: "/queue", labelKey: "queue", permission: "queue:read" },
  { href: "/aml", labelKey: "aml", permission: "aml:read" },
  { href: "/aml/dashboard", labelKey: "amlDashboard", permission: "aml:read" },
  { href: "/admin/users", labelKey: "users", permission: "users:read" },
  { href: "/admin/products", labelKey: "products", permission: "products:manage" },
  { href: "/admin/integrations", labelKey: "integrations", permission: "integrations:manage" },
  { href: "/admin/keys", labelKey: "keys", permission: "keys:manage" },
  { href: "/admin/audit", labelKey: "audit", permission: "audit:read" },
  { href: "/admin/settings", labelKey: "settings", permission: "settings:manage" },
];

/** The navigation a role sees: only what it may open. */
export function navFor(role: TRole): TNavItem[] {
  return NAV_ITEMS.filter((item) => can(role, item.permission));
}

/** Where a role lands after signing in. */
export function homeFor(role: TRole): string {
  return navFor(role)[0]?.href ?? "/";
}
