import { getFormatter, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guard";
import { prisma } from "@/lib/db/client";

export default async function AuditPage() {
  await requirePagePermission("audit:read");
  const [events, t, format] = await Promise.all([
    prisma.auditEvent.findMany({ orderBy: { id: "desc" }, take: 200 }),
    getTranslations("admin.audit"),
    getFormatter(),
  ]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <table className="w-full rounded-lg border border-border bg-white text-left text-sm">
        <thead className="bg-muted text-xs uppercase text-muted-foreground">
          <tr>
            <th scope="col" className="px-3 py-2">{t("at")}</th>
            <th scope="col" className="px-3 py-2">{t("actor")}</th>
            <th scope="col" className="px-3 py-2">{t("action")}</th>
            <th scope="col" className="px-3 py-2">{t("target")}</th>
            <th scope="col" className="px-3 py-2">{t("details")}</th>
          </tr>
        </thead>
        <tbody>
          {events.length === 0 && (
            <tr>
              <td colSpan={5} className="px-3 py-8 text-center text-muted-foreground">{t("empty")}</td>
            </tr>
          )}
          {events.map((event) => (
            <tr key={String(event.id)} className="border-t border-border">
              <td className="px-3 py-2 whitespace-nowrap">{format.dateTime(event.at, { dateStyle: "short", timeStyle: "medium" })}</td>
              <td className="px-3 py-2">{event.actorLabel}</td>
              <td className="px-3 py-2 font-mono">{event.action}</td>
              <td className="px-3 py-2 font-mono text-xs">{event.targetType ? `${event.targetType}:${event.targetId}` : ""}</td>
              <td className="px-3 py-2 font-mono text-xs">{JSON.stringify(event.details)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
