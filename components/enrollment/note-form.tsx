"use client";

import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { FormField } from "@/components/ui/form-field";
import { useZodForm } from "@/components/ui/use-zod-form";
import { addNote } from "@/lib/notes/actions/add-note";
import { NOTE_MAX_LENGTH, ZNoteForm, type TNoteProblem } from "@/lib/notes/note-input";

/** Writes a note on the enrollment; the text stays in the box until it is stored. */
export function NoteForm({ enrollmentId }: { enrollmentId: string }) {
  const t = useTranslations("enrollment.notes");
  const form = useZodForm(ZNoteForm, { defaultValues: { body: "" } });
  const { executeAsync, isPending } = useAction(addNote);
  const [added, setAdded] = useState(false);
  const length = [...(form.watch("body") ?? "")].length;

  const problemText = (problem: TNoteProblem) =>
    problem.code === "unknownMention" ? t("unknownMention", { names: problem.names.map((name) => `@${name}`).join(", ") }) : t(problem.code, { max: NOTE_MAX_LENGTH });

  const onSubmit = form.handleSubmit(async ({ body }) => {
    setAdded(false);
    const result = await executeAsync({ enrollmentId, body });
    const data = result?.data;
    if (data?.kind === "added") {
      form.reset({ body: "" });
      setAdded(true);
    } else if (data?.kind === "invalid") {
      form.setError("body", { type: "server", message: problemText(data.problem) }, { shouldFocus: true });
    } else {
      form.setError("root.serverError", { message: data?.kind === "notFound" ? t("notFound") : t("failed", { message: result?.serverError ?? "—" }) });
    }
  });

  const error = form.formState.errors.body;
  // the zod schema's message is the problem's code; a server refusal's is already the reader's text
  const errorText = error && (error.type === "server" ? error.message : t(error.message as "empty" | "tooLong", { max: NOTE_MAX_LENGTH }));

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2" data-testid="note-form">
      <FormField id="note-body" label={t("label")} hint={t("hint", { max: NOTE_MAX_LENGTH })} error={errorText}>
        {(control) => (
          <textarea
            {...control}
            {...form.register("body", { onChange: () => setAdded(false) })}
            rows={3}
            className="w-full rounded-md border border-border bg-white p-2 text-sm focus:outline-none focus:ring-2 focus:ring-brand"
          />
        )}
      </FormField>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isPending}>
          {isPending ? t("adding") : t("add")}
        </Button>
        <span className={`text-xs ${length > NOTE_MAX_LENGTH ? "text-danger" : "text-muted-foreground"}`}>{t("count", { count: length, max: NOTE_MAX_LENGTH })}</span>
        {added && (
          <span role="status" className="text-sm text-green-800">
            {t("added")}
          </span>
        )}
      </div>
      <FormError error={form.formState.errors.root?.serverError} />
    </form>
  );
}
