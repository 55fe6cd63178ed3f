import { getTranslations } from "next-intl/server";
import { FourEyesForm } from "@/components/admin/four-eyes-form";
import { RequireTotpForm } from "@/components/admin/require-totp-form";
import { requirePagePermission } from "@/lib/auth/guard";
import { totpPolicy } from "@/lib/auth/totp-policy";
import { prisma } from "@/lib/db/client";
import { fourEyesSetting } from "@/lib/push/settings";

export default async function SettingsPage() {
  const me = await requirePagePermission("settings:manage");
  const [setting, totp, t] = await Promise.all([fourEyesSetting(prisma), totpPolicy(prisma), getTranslations("admin.settings")]);
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <section aria-labelledby="four-eyes-heading" className="space-y-2 rounded-lg border border-border bg-white p-4">
        <h2 id="four-eyes-heading" className="text-lg font-medium">
          {t("fourEyes")}
        </h2>
        <p className="text-sm text-muted-foreground">{t("fourEyesHelp")}</p>
        <FourEyesForm enabled={setting.enabled} locked={setting.source === "environment"} sourceNote={t(`source.${setting.source}`)} />
      </section>
      <section aria-labelledby="require-totp-heading" className="space-y-2 rounded-lg border border-border bg-white p-4">
        <h2 id="require-totp-heading" className="text-lg font-medium">
          {t("requireTotp")}
        </h2>
        <p className="text-sm text-muted-foreground">{t("requireTotpHelp")}</p>
        {!me.totpEnabled && <p className="text-sm text-amber-900">{t("requireTotpSelf")}</p>}
        <RequireTotpForm required={totp.required} locked={totp.source === "environment"} sourceNote={t(`totpSource.${totp.source}`)} />
      </section>
      <p className="text-sm text-muted-foreground">{t("keyRotation")}</p>
    </div>
  );
}
