import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { UserAdminPanel } from "@/components/admin/users/user-admin-panel";
import { Badge } from "@/components/ui/badge";
import { requirePagePermission } from "@/lib/auth/guard";
import { prisma } from "@/lib/db/client";

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requirePagePermission("users:manage");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const user = await prisma.user.findUnique({
    where: { id: id.data },
    select: { id: true, username: true, displayName: true, role: true, branches: true, deskLead: true, disabled: true, mustChangePassword: true, totpEnabledAt: true, lastLoginAt: true, ssoSubject: true },
  });
  if (!user) notFound();
  const [t, tUsers, tRole, format] = await Promise.all([getTranslations("admin.userDetail"), getTranslations("admin.users"), getTranslations("app.role"), getFormatter()]);
  const when = (date: Date) => format.dateTime(date, "moment");
  return (
    <div className="max-w-2xl space-y-4">
      <Link href="/admin/users" className="text-sm text-brand hover:underline">
        ← {t("back")}
      </Link>
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">
          <span translate="no">{user.displayName}</span> <span className="font-mono text-base text-muted-foreground">{user.username}</span>
        </h1>
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <span>{tRole(user.role)}</span>
          <Badge tone={user.disabled ? "danger" : "success"}>{user.disabled ? tUsers("disabled") : tUsers("active")}</Badge>
          {user.mustChangePassword && <Badge tone="warning">{tUsers("mustChange")}</Badge>}
          {user.ssoSubject && <Badge tone="info">{t("sso")}</Badge>}
          <span className="text-muted-foreground">{user.lastLoginAt ? t("lastLogin", { time: when(user.lastLoginAt) }) : t("neverLoggedIn")}</span>
        </p>
        {me.id === user.id && <p className="text-sm text-muted-foreground">{t("you")}</p>}
        {user.ssoSubject && <p className="text-sm text-muted-foreground">{t("ssoNote")}</p>}
      </div>
      <UserAdminPanel
        user={{
          id: user.id,
          username: user.username,
          role: user.role,
          branches: user.branches,
          deskLead: user.deskLead,
          disabled: user.disabled,
          mustChangePassword: user.mustChangePassword,
          totpEnabledText: user.totpEnabledAt ? t("totpOn", { time: when(user.totpEnabledAt) }) : null,
        }}
      />
    </div>
  );
}
