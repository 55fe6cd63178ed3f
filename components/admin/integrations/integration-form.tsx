"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input, NativeSelect } from "@/components/ui/input";
import { useZodForm } from "@/components/ui/use-zod-form";
import { FormError } from "@/components/ui/form-error";
import { saveIntegrationSettingsAction } from "@/lib/settings/actions/save-integration-settings";
import { ZIntegrationSettingsInput, type TIntegration, type TSettingFieldView } from "@/lib/settings/integration-fields";
import { ConnectionTest } from "./connection-test";

type TValues = Record<string, string>;

/**
 * One integration's settings. A field its environment variable sets is shown read-only (and
 * never sent); a secret is never shown: its input starts empty and only replaces the stored one.
 */
export function IntegrationForm({ integration, fields }: { integration: TIntegration; fields: TSettingFieldView[] }) {
  const t = useTranslations("admin.integrations");
  // "birthDate,document" reads "birth date + document"; the other choices are AMLYZE's own words.
  const choiceLabel = (name: string, choice: string) =>
    name === "authKind"
      ? t(`auth.${choice}`)
      : name === "optionalFields"
        ? choice
            .split(",")
            .map((part) => t(`optional.${part}`))
            .join(" + ")
        : choice;
  const router = useRouter();
  // Fields the environment sets are left out entirely: the form never sends them.
  const defaults: TValues = Object.fromEntries(
    fields.filter((f) => f.source !== "environment").map((f) => [f.name, !f.secret && f.source === "database" ? (f.value ?? "") : ""]),
  );
  const form = useZodForm(ZIntegrationSettingsInput, { defaultValues: { integration, values: defaults, clear: [] } });
  const [clear, setClear] = useState<string[]>([]);
  const [saved, setSaved] = useState<number | null>(null);
  const { executeAsync, isPending } = useAction(saveIntegrationSettingsAction);
  const valueErrors = (form.formState.errors.values ?? {}) as Record<string, unknown>;

  const onSubmit = form.handleSubmit(async (input) => {
    setSaved(null);
    const result = await executeAsync({ ...input, clear } as typeof input);
    if (result?.data) {
      setSaved(result.data.count);
      setClear([]);
      form.reset({ integration, values: { ...form.getValues("values"), ...Object.fromEntries(fields.filter((f) => f.secret).map((f) => [f.name, ""])) }, clear: [] });
      router.refresh();
    } else {
      form.setError("root.serverError", { message: result?.serverError ?? t("errors.failed") });
    }
  });

  const note = (f: TSettingFieldView) => {
    if (f.source === "environment") return f.secret ? t("secretFromEnv", { env: f.env }) : t("fromEnv", { env: f.env });
    if (f.secret) return f.isSet ? t("secretStored") : t("secretUnset");
    if (f.source === "database") return t("stored");
    return f.value ? t.rich("unsetDefault", { value: f.value, code: (chunks) => <code>{chunks}</code> }) : t("unset");
  };

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t(integration)}>
        <div className="grid gap-4 lg:grid-cols-2">
          {fields.map((f) => {
            const id = `${integration}-${f.name}`;
            const locked = f.source === "environment";
            const error = valueErrors[f.name] ? t(`errors.${f.kind === "choice" ? "choice" : f.kind}`) : undefined;
            return (
              <FormField
                key={f.name}
                id={id}
                label={
                  <span className="flex items-center gap-2">
                    {t(`fields.${f.name}`)}
                    {locked && <Badge tone="info">{f.env}</Badge>}
                  </span>
                }
                hint={note(f)}
                error={error}
              >
                {(control) =>
                  f.kind === "choice" ? (
                    <NativeSelect disabled={locked} defaultValue={locked ? (f.value ?? "") : undefined} {...control} {...(locked ? {} : form.register(`values.${f.name}`))}>
                      <option value="">{t("unset")}</option>
                      {f.choices?.map((choice) => (
                        <option key={choice} value={choice}>
                          {choiceLabel(f.name, choice)}
                        </option>
                      ))}
                    </NativeSelect>
                  ) : locked ? (
                    <Input disabled value={f.secret ? "••••••••" : (f.value ?? "")} readOnly {...control} />
                  ) : (
                    <Input
                      type={f.secret ? "password" : "text"}
                      inputMode={f.kind === "timeout" ? "numeric" : undefined}
                      autoComplete={f.secret ? "new-password" : "off"}
                      {...control}
                      {...form.register(`values.${f.name}`)}
                    />
                  )
                }
              </FormField>
            );
          })}
        </div>
        {fields
          .filter((f) => f.secret && f.source === "database")
          .map((f) => (
            <label key={f.name} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={clear.includes(f.name)}
                onChange={(event) => setClear((current) => (event.target.checked ? [...current, f.name] : current.filter((name) => name !== f.name)))}
              />
              {t("clearSecret")}: {t(`fields.${f.name}`)}
            </label>
          ))}
        <FormError error={form.formState.errors.root?.serverError} />
        <p role="status" className="text-sm text-green-900">
          {saved !== null ? t("saved", { count: saved }) : null}
        </p>
        <Button type="submit" disabled={isPending}>
          {isPending ? t("saving") : t("save")}
        </Button>
      </form>
      {/* Single sign-on is tested by its own panel (its discovery document, not a POST). */}
      {integration !== "sso" && <ConnectionTest integration={integration} />}
    </div>
  );
}
