import { getTranslations } from "next-intl/server";
import { SwitchSettingForm } from "@/components/admin/switch-setting-form";
import { Panel } from "@/components/ui/panel";
import { requirePagePermission } from "@/lib/auth/guard";
import { prisma } from "@/lib/db/client";
import { readSwitch } from "@/lib/settings/switches";

export default async function SettingsPage() {
  const me = await requirePagePermission("settings:manage");
  const [setting, totp, t] = await Promise.all([readSwitch(prisma, "fourEyes"), readSwitch(prisma, "requireTotp"), getTranslations("admin.settings")]);
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
      <p className="text-sm text-muted-foreground">{t("keyRotation")}</p>
    </div>
  );
}
