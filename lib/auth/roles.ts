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
  /** One's own notifications: the bell, the page, marking them read. */
  "notifications:read": ["officer", "compliance", "admin"],
  /** The banner saying no push worker is alive: those who push, and those who can fix it. */
  "worker:status": ["officer", "admin"],
  /** How the desk is doing (lib/desk/dashboard.ts): admins for every branch; an officer only as a lead, for their branches (managesDesk). */
  "desk:dashboard": ["officer", "admin"],
} as const satisfies Record<string, readonly TRole[]>;

export type TPermission = keyof typeof PERMISSIONS;

export function can(role: TRole | null | undefined, permission: TPermission): boolean {
  if (!role) return false;
  return (PERMISSIONS[permission] as readonly TRole[]).includes(role);
}

/** `leads`: an officer sees it only as a lead of their branches (managesDesk). */
export type TNavItem = { href: string; labelKey: string; permission: TPermission; leads?: true };

/** Who manages a desk: a role that sees every branch, or an officer an admin made lead of theirs. */
export function managesDesk(user: { role: TRole; deskLead: boolean }): boolean {
  return can(user.role, "desk:dashboard") && (can(user.role, "enrollment:all-branches") || user.deskLead);
}

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
  { href: "/desk", labelKey: "desk", permission: "desk:dashboard", leads: true },
];

/** The navigation a user sees: only what their role (and, for a desk's pages, their lead flag) may open. */
export function navFor(role: TRole, options: { deskLead?: boolean } = {}): TNavItem[] {
  return NAV_ITEMS.filter((item) => can(role, item.permission) && (!item.leads || managesDesk({ role, deskLead: options.deskLead ?? false })));
}

/** Where a role lands after signing in. */
export function homeFor(role: TRole): string {
  return navFor(role)[0]?.href ?? "/";
}
