import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { requirePagePermission } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { prisma } from "@/lib/db/client";

export default async function UsersPage() {
  const me = await requirePagePermission("users:read");
  const manage = can(me.role, "users:manage");
  const [users, t, tRole, format] = await Promise.all([
    prisma.user.findMany({
      orderBy: { username: "asc" },
      take: 500,
      select: { id: true, username: true, displayName: true, role: true, disabled: true, mustChangePassword: true, totpEnabledAt: true, lastLoginAt: true },
    }),
    getTranslations("admin.users"),
    getTranslations("app.role"),
    getFormatter(),
  ]);
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        {manage && (
          <Button asChild>
            <Link href="/admin/users/new">{t("create")}</Link>
          </Button>
        )}
      </div>
      <table className="w-full rounded-lg border border-border bg-white text-left text-sm">
        <thead className="bg-muted text-xs uppercase text-muted-foreground">
          <tr>
            <th scope="col" className="px-3 py-2">{t("username")}</th>
            <th scope="col" className="px-3 py-2">{t("name")}</th>
            <th scope="col" className="px-3 py-2">{t("role")}</th>
            <th scope="col" className="px-3 py-2">{t("state")}</th>
            <th scope="col" className="px-3 py-2">{t("secondFactor")}</th>
            <th scope="col" className="px-3 py-2">{t("lastLogin")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className="border-t border-border">
              <td className="px-3 py-2 font-mono">
                {manage ? (
                  <Link href={`/admin/users/${user.id}`} className="text-brand hover:underline">
                    {user.username}
                  </Link>
                ) : (
                  user.username
                )}
                {user.id === me.id && <span className="ml-1 font-sans text-xs text-muted-foreground">{t("you")}</span>}
              </td>
              <td className="px-3 py-2">{user.displayName}</td>
              <td className="px-3 py-2">{tRole(user.role)}</td>
              <td className="space-x-1 px-3 py-2">
                <Badge tone={user.disabled ? "danger" : "success"}>{user.disabled ? t("disabled") : t("active")}</Badge>
                {user.mustChangePassword && <Badge tone="warning">{t("mustChange")}</Badge>}
              </td>
              <td className="px-3 py-2">{user.totpEnabledAt ? t("totpOn") : t("totpOff")}</td>
              <td className="px-3 py-2">
                {user.lastLoginAt ? format.dateTime(user.lastLoginAt, { dateStyle: "medium", timeStyle: "short" }) : t("never")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
