import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { requirePagePermission } from "@/lib/auth/guard";
import { prisma } from "@/lib/db/client";

export default async function UsersPage() {
  await requirePagePermission("users:read");
  const [users, t, tRole, format] = await Promise.all([
    prisma.user.findMany({ orderBy: { username: "asc" }, take: 500 }),
    getTranslations("admin.users"),
    getTranslations("app.role"),
    getFormatter(),
  ]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <table className="w-full rounded-lg border border-border bg-white text-left text-sm">
        <thead className="bg-muted text-xs uppercase text-muted-foreground">
          <tr>
            <th scope="col" className="px-3 py-2">{t("username")}</th>
            <th scope="col" className="px-3 py-2">{t("name")}</th>
            <th scope="col" className="px-3 py-2">{t("role")}</th>
            <th scope="col" className="px-3 py-2">{t("state")}</th>
            <th scope="col" className="px-3 py-2">{t("lastLogin")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className="border-t border-border">
              <td className="px-3 py-2 font-mono">{user.username}</td>
              <td className="px-3 py-2">{user.displayName}</td>
              <td className="px-3 py-2">{tRole(user.role)}</td>
              <td className="px-3 py-2">
                <Badge tone={user.disabled ? "danger" : "success"}>{user.disabled ? t("disabled") : t("active")}</Badge>
              </td>
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
