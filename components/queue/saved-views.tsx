"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormError } from "@/components/ui/form-error";
import { FormField } from "@/components/ui/form-field";
import { Input, NativeSelect } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useZodForm } from "@/components/ui/use-zod-form";
import { deleteQueueViewAction, saveQueueViewAction, setDefaultQueueViewAction } from "@/lib/queue/actions/queue-views";
import type { TQueueFilters } from "@/lib/queue/queue-filters";
import { QUEUE_VIEW_NAME_MAX, ZSaveQueueView, ZQueueViewFilters, type TQueueView } from "@/lib/queue/queue-view-input";

type TProps = {
  views: readonly TQueueView[];
  /** The filters shown now: what "Save view" keeps (without the search and the page). */
  filters: TQueueFilters;
  onOpen: (filters: Partial<TQueueFilters>) => void;
};

/** The user's named queue views: open one, save the filters shown as one, make one the default, delete one. */
export function SavedViews({ views, filters, onOpen }: TProps) {
  const t = useTranslations("queue.views");
  const router = useRouter();
  const active = views.find((view) => view.id === filters.view) ?? null;
  const current = ZQueueViewFilters.parse({ status: filters.status, branch: filters.branch, from: filters.from, to: filters.to, owner: filters.owner, sort: filters.sort });
  const form = useZodForm(ZSaveQueueView, { defaultValues: { name: "", filters: current, makeDefault: false } });
  const { errors } = form.formState;
  const save = useAction(saveQueueViewAction);
  const remove = useAction(deleteQueueViewAction);
  const setDefault = useAction(setDefaultQueueViewAction);
  const [status, setStatus] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const onSave = form.handleSubmit(async (values) => {
    setStatus(null);
    const result = await save.executeAsync({ ...values, filters: current });
    const outcome = result?.data;
    if (outcome?.kind === "saved") {
      setSaving(false);
      form.reset({ name: "", filters: current, makeDefault: false });
      setStatus(t("saved", { name: values.name }));
      onOpen({ ...current, view: outcome.id });
      router.refresh();
    } else {
      form.setError("root.serverError", { message: outcome?.kind === "tooMany" ? t("tooMany") : (result?.serverError ?? t("failed")) });
    }
  });

  return (
    <section aria-label={t("title")} className="flex flex-wrap items-end gap-3" data-testid="saved-views">
      <div className="space-y-1">
        <Label htmlFor="queue-view">{t("label")}</Label>
        <NativeSelect
          id="queue-view"
          value={active?.id ?? ""}
          onChange={(event) => {
            const view = views.find((candidate) => candidate.id === event.target.value);
            onOpen(view ? { ...view.filters, view: view.id } : { view: "none" });
          }}
        >
          <option value="">{t("none")}</option>
          {views.map((view) => (
            <option key={view.id} value={view.id} translate="no">
              {view.isDefault ? t("defaultName", { name: view.name }) : view.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      {active && (
        <Button
          type="button"
          variant="secondary"
          disabled={setDefault.isPending}
          onClick={async () => {
            await setDefault.executeAsync({ viewId: active.isDefault ? null : active.id });
            setStatus(active.isDefault ? t("defaultCleared") : t("defaultSet", { name: active.name }));
            router.refresh();
          }}
        >
          {active.isDefault ? t("clearDefault") : t("makeDefault")}
        </Button>
      )}
      {active && (
        <ConfirmDialog
          trigger={t("delete")}
          title={t("deleteTitle", { name: active.name })}
          description={t("deleteDescription")}
          cancel={t("cancel")}
          confirm={t("delete")}
          disabled={remove.isPending}
          onConfirm={async () => {
            await remove.executeAsync({ viewId: active.id });
            setStatus(t("deleted", { name: active.name }));
            onOpen({ view: "none" });
            router.refresh();
          }}
        />
      )}
      {!saving && (
        <Button type="button" variant="secondary" onClick={() => setSaving(true)}>
          {t("save")}
        </Button>
      )}
      {saving && (
        <form onSubmit={onSave} noValidate className="flex flex-wrap items-end gap-3" aria-label={t("save")}>
          <FormField id="queue-view-name" label={t("name")} error={errors.name && t(errors.name.message === "tooLong" ? "nameTooLong" : "nameRequired", { max: QUEUE_VIEW_NAME_MAX })}>
            {(control) => <Input className="w-56" maxLength={QUEUE_VIEW_NAME_MAX} autoComplete="off" autoFocus {...control} {...form.register("name")} />}
          </FormField>
          <label className="flex items-center gap-2 pb-2 text-sm">
            <input type="checkbox" {...form.register("makeDefault")} />
            {t("makeDefaultLabel")}
          </label>
          <Button type="submit" disabled={save.isPending}>
            {t("saveSubmit")}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setSaving(false)}>
            {t("cancel")}
          </Button>
          <FormError error={errors.root?.serverError} />
        </form>
      )}
      <p role="status" className="text-sm text-muted-foreground">
        {status}
      </p>
    </section>
  );
}
