import { getTranslations } from "next-intl/server";
import { IntegrationForm } from "@/components/admin/integrations/integration-form";
import { requirePagePermission } from "@/lib/auth/guard";
import { prisma } from "@/lib/db/client";
import { integrationSettingsView } from "@/lib/settings/integrations";

export default async function IntegrationsPage() {
  await requirePagePermission("integrations:manage");
  const [view, t] = await Promise.all([integrationSettingsView(prisma), getTranslations("admin.integrations")]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="max-w-prose text-sm text-muted-foreground">{t("intro")}</p>
      {(["core", "amlyze"] as const).map((integration) => (
        <section key={integration} aria-labelledby={`${integration}-heading`} className="space-y-3 rounded-lg border border-border bg-white p-4">
          <h2 id={`${integration}-heading`} className="text-lg font-medium">
            {t(integration)}
          </h2>
          <p className="text-sm text-muted-foreground">{t(`${integration}Help`)}</p>
          <IntegrationForm integration={integration} fields={view[integration]} />
        </section>
      ))}
      <p className="text-xs text-muted-foreground">{t("rotation")}</p>
    </div>
  );
}
