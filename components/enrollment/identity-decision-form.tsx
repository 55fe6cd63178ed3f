"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useAction } from "next-safe-action/hooks";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { FormField } from "@/components/ui/form-field";
import { useZodForm } from "@/components/ui/use-zod-form";
import { decideIdentityConflict, dismissPossibleDuplicate } from "@/lib/enrollment/actions/decide-identity";
import { DECISION_REASON_MAX, ZDecisionReasonForm } from "@/lib/enrollment/identity-decision-input";

export type TIdentityDecisionFormProps =
  | { mode: "conflict"; enrollmentId: string }
  /** `confirm`: another officer proposed the dismissal; this one confirms it. */
  | { mode: "duplicate"; enrollmentId: string; otherEnrollmentId: string; confirm: boolean };

type TChoice = "same_person" | "different_person" | "dismiss";

/** The officer's decision on a conflict or a possible duplicate, with its reason; the page reloads after. */
export function IdentityDecisionForm(props: TIdentityDecisionFormProps) {
  const t = useTranslations("identity");
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const form = useZodForm(ZDecisionReasonForm, { defaultValues: { reason: "" } });
  const conflict = useAction(decideIdentityConflict);
  const duplicate = useAction(dismissPossibleDuplicate);
  const [done, setDone] = useState<string | null>(null);
  const pending = conflict.isPending || duplicate.isPending || refreshing;
  const id = props.mode === "conflict" ? `identity-conflict-reason-${props.enrollmentId}` : `identity-duplicate-reason-${props.otherEnrollmentId}`;

  const submit = (choice: TChoice) =>
    form.handleSubmit(async ({ reason }) => {
      setDone(null);
      const result =
        props.mode === "conflict"
          ? await conflict.executeAsync({ enrollmentId: props.enrollmentId, decision: choice === "same_person" ? "same_person" : "different_person", reason })
          : await duplicate.executeAsync({ enrollmentId: props.enrollmentId, otherEnrollmentId: props.otherEnrollmentId, reason });
      const kind = result?.data?.kind;
      if (kind === "decided" || kind === "proposed" || kind === "dismissed") {
        form.reset({ reason: "" });
        setDone(t(`result.${kind}`));
        startRefresh(() => router.refresh());
      } else if (kind) {
        form.setError("root.serverError", { message: t(`result.${kind}`) });
      } else {
        form.setError("root.serverError", { message: t("result.failed", { message: result?.serverError ?? "—" }) });
      }
    })();

  const error = form.formState.errors.reason;
  // the schema's messages are codes (reasonRequired, reasonTooLong)
  const errorText = error && t(error.message as "reasonRequired" | "reasonTooLong");

  return (
    <form onSubmit={(event) => event.preventDefault()} noValidate className="space-y-2">
      <FormField id={id} label={t("reason")} hint={t("reasonHint")} error={errorText} required>
        {(control) => (
          <textarea
            {...control}
            {...form.register("reason")}
            rows={2}
            maxLength={DECISION_REASON_MAX * 2}
            className="w-full rounded-md border border-border bg-white p-2 text-sm focus:outline-none focus:ring-2 focus:ring-brand"
          />
        )}
      </FormField>
      <div className="flex flex-wrap items-center gap-2">
        {props.mode === "conflict" ? (
          <>
            <Button type="button" disabled={pending} onClick={() => void submit("same_person")}>
              {pending ? t("working") : t("decideSame")}
            </Button>
            <Button type="button" variant="secondary" disabled={pending} onClick={() => void submit("different_person")}>
              {t("decideDifferent")}
            </Button>
          </>
        ) : (
          <Button type="button" variant="secondary" disabled={pending} onClick={() => void submit("dismiss")}>
            {pending ? t("working") : props.confirm ? t("confirmDismiss") : t("dismiss")}
          </Button>
        )}
        {done && (
          <span role="status" className="text-sm text-green-800">
            {done}
          </span>
        )}
      </div>
      <FormError error={form.formState.errors.root?.serverError} />
    </form>
  );
}
