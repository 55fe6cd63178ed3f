"use client";

import { useAction } from "next-safe-action/hooks";
import { useLocale, useTranslations } from "next-intl";
import { NativeSelect } from "@/components/ui/input";
import { isLocale } from "@/i18n/locales";
import { updateLocale } from "@/lib/profile/update-locale";

export function LocaleSwitch() {
  const t = useTranslations("app");
  const locale = useLocale();
  const { execute, isPending } = useAction(updateLocale);
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">{t("language")}</span>
      <NativeSelect
        aria-label={t("language")}
        className="h-8 w-auto"
        value={locale}
        disabled={isPending}
        onChange={(event) => {
          if (isLocale(event.target.value)) execute({ locale: event.target.value });
        }}
      >
        <option value="en">English</option>
        <option value="es">Español</option>
      </NativeSelect>
    </label>
  );
}
