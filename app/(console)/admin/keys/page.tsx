import { getFormatter, getTranslations } from "next-intl/server";
import { CreateKeyForm } from "@/components/admin/keys/create-key-form";
import { RevokeKeyButton } from "@/components/admin/keys/revoke-key-button";
import { DataTable } from "@/components/ui/data-table";
import { Badge } from "@/components/ui/badge";
import { Panel } from "@/components/ui/panel";
import { requirePagePermission } from "@/lib/auth/guard";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { listIntakeKeys } from "@/lib/intake/manage-api-keys";

export default async function IntakeKeysPage() {
  await requirePagePermission("keys:manage");
  const [keys, t, format] = await Promise.all([listIntakeKeys(prisma), getTranslations("admin.keys"), getFormatter()]);
  const envKeys = (env().INTAKE_API_KEYS ?? "").split(",").filter((key) => key.trim() !== "").length;
  const when = (date: Date) => format.dateTime(date, "moment");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="max-w-3xl text-sm text-muted-foreground">{t("intro")}</p>
      <Panel id="new-key" title={t("create")} className="max-w-2xl space-y-2">
        <CreateKeyForm />
      </Panel>
      <DataTable
        caption={t("title")}
        columns={[t("name"), t("prefix"), t("created"), t("lastUsed"), t("state"), { label: t("actions"), srOnly: true }]}
        empty={t("empty")}
        isEmpty={keys.length === 0}
      >
        {keys.map((key) => (
          <tr key={key.id} className="border-t border-border" data-testid="intake-key-row">
            <td className="px-3 py-2" translate="no">{key.name}</td>
            <td className="px-3 py-2 font-mono">{key.prefix}…</td>
            <td className="px-3 py-2">{when(key.createdAt)}</td>
            <td className="px-3 py-2">{key.lastUsedAt ? when(key.lastUsedAt) : t("never")}</td>
            <td className="px-3 py-2">
              {key.revokedAt ? <Badge tone="neutral">{`${t("revoked")} · ${when(key.revokedAt)}`}</Badge> : <Badge tone="success">{t("active")}</Badge>}
            </td>
            <td className="px-3 py-2 text-right">{!key.revokedAt && <RevokeKeyButton id={key.id} name={key.name} />}</td>
          </tr>
        ))}
      </DataTable>
      <p className="text-xs text-muted-foreground">{t("envKeys", { count: envKeys })}</p>
    </div>
  );
}
