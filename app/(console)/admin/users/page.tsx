import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
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
      <DataTable
        caption={t("title")}
        columns={[t("username"), t("name"), t("role"), t("state"), t("secondFactor"), t("lastLogin")]}
        empty={t("empty")}
        isEmpty={users.length === 0}
      >
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
            <td className="px-3 py-2" translate="no">{user.displayName}</td>
            <td className="px-3 py-2">{tRole(user.role)}</td>
            <td className="space-x-1 px-3 py-2">
              <Badge tone={user.disabled ? "danger" : "success"}>{user.disabled ? t("disabled") : t("active")}</Badge>
              {user.mustChangePassword && <Badge tone="warning">{t("mustChange")}</Badge>}
            </td>
            <td className="px-3 py-2">{user.totpEnabledAt ? t("totpOn") : t("totpOff")}</td>
            <td className="px-3 py-2">
              {user.lastLoginAt ? format.dateTime(user.lastLoginAt, "moment") : t("never")}
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
