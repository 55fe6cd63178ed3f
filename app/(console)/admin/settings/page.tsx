import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { IntegrationForm } from "@/components/admin/integrations/integration-form";
import { GroupRolesForm } from "@/components/admin/sso/group-roles-form";
import { SsoTest } from "@/components/admin/sso/sso-test";
import { SlaBranchTargets } from "@/components/admin/sla/sla-branch-targets";
import { SlaCalendarForm } from "@/components/admin/sla/sla-calendar-form";
import { SlaHolidays } from "@/components/admin/sla/sla-holidays";
import { SwitchSettingForm } from "@/components/admin/switch-setting-form";
import { Panel } from "@/components/ui/panel";
import { requirePagePermission } from "@/lib/auth/guard";
import { readGroupRoles } from "@/lib/auth/sso/group-role-store";
import { SSO_PROVIDER_ID } from "@/lib/auth/sso/sso-provider";
import { prisma } from "@/lib/db/client";
import { integrationSettingsView } from "@/lib/settings/integrations";
import { readSwitch } from "@/lib/settings/switches";
import { minutesToClock } from "@/lib/sla/sla-schemas";
import { readSlaConfig } from "@/lib/sla/sla-settings";

/** The URI to register at the identity provider: next-auth's callback for our provider. */
async function ssoRedirectUri(): Promise<string> {
  const base = process.env.NEXTAUTH_URL ?? `https://${(await headers()).get("host") ?? "console.example"}`;
  return `${base.replace(/\/+$/, "")}/api/auth/callback/${SSO_PROVIDER_ID}`;
}

export default async function SettingsPage() {
  const me = await requirePagePermission("settings:manage");
  const [setting, totp, local, view, groupRoles, redirectUri, t, sla] = await Promise.all([
    readSwitch(prisma, "fourEyes"),
    readSwitch(prisma, "requireTotp"),
    readSwitch(prisma, "localLogin"),
    integrationSettingsView(prisma),
    readGroupRoles(prisma),
    ssoRedirectUri(),
    getTranslations("admin.settings"),
    readSlaConfig(prisma),
  ]);
  const slaCalendar = {
    targetHours: sla.targetMinutes / 60,
    timeZone: sla.timeZone,
    days: sla.hours.map((day) => ({ worked: day !== null, open: minutesToClock(day?.open ?? 540), close: minutesToClock(day?.close ?? 1020) })),
  };
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <Panel id="four-eyes-heading" title={t("fourEyes")}>
        <p className="text-sm text-muted-foreground">{t("fourEyesHelp")}</p>
        <SwitchSettingForm
          name="fourEyes"
          on={setting.on}
          locked={setting.source === "environment"}
          sourceNote={t(`source.${setting.source}`)}
          legend={t("fourEyes")}
          labels={{ on: t("on"), off: t("off") }}
        />
      </Panel>
      <Panel id="require-totp-heading" title={t("requireTotp")}>
        <p className="text-sm text-muted-foreground">{t("requireTotpHelp")}</p>
        {!me.totpEnabled && <p className="text-sm text-amber-900">{t("requireTotpSelf")}</p>}
        <SwitchSettingForm
          name="requireTotp"
          on={totp.on}
          locked={totp.source === "environment"}
          sourceNote={t(`totpSource.${totp.source}`)}
          legend={t("requireTotp")}
          labels={{ on: t("required"), off: t("optional") }}
        />
      </Panel>
      <Panel id="sso-heading" title={t("sso.title")} className="space-y-4">
        <p className="text-sm text-muted-foreground">{t("sso.help")}</p>
        <p className="break-all font-mono text-xs">{t("sso.redirectUri", { uri: redirectUri })}</p>
        <IntegrationForm integration="sso" fields={view.sso} />
        <SsoTest />
        <div className="space-y-2 border-t border-border pt-4">
          <h3 className="font-medium">{t("sso.mappings")}</h3>
          <p className="text-sm text-muted-foreground">{t("sso.mappingsHelp")}</p>
          <GroupRolesForm initial={groupRoles} />
        </div>
        <div className="space-y-2 border-t border-border pt-4">
          <h3 className="font-medium">{t("sso.localLogin")}</h3>
          <p className="text-sm text-muted-foreground">{t("sso.localLoginHelp")}</p>
          <SwitchSettingForm
            name="localLogin"
            on={local.on}
            locked={local.source === "environment"}
            sourceNote={t(`sso.localSource.${local.source}`)}
            legend={t("sso.localLogin")}
            labels={{ on: t("sso.allowed"), off: t("sso.ssoOnly") }}
          />
        </div>
      </Panel>
      <Panel id="sla-heading" title={t("sla.title")} className="space-y-4">
        <p className="text-sm text-muted-foreground">{t("sla.help")}</p>
        <SlaCalendarForm initial={slaCalendar} />
        <div className="space-y-2 border-t border-border pt-4">
          <h3 className="font-medium">{t("sla.branchTargets")}</h3>
          <p className="text-sm text-muted-foreground">{t("sla.branchTargetsHelp")}</p>
          <SlaBranchTargets targets={sla.branches} />
        </div>
        <div className="space-y-2 border-t border-border pt-4">
          <h3 className="font-medium">{t("sla.holidays")}</h3>
          <SlaHolidays holidays={sla.holidays} />
        </div>
      </Panel>
      <p className="text-sm text-muted-foreground">{t("keyRotation")}</p>
    </div>
  );
}
