import { useTranslations } from "next-intl";
import type { TChange } from "@/lib/enrollment/diff";

const show = (value: unknown) => (value === null || value === undefined || value === "" ? "—" : typeof value === "object" ? JSON.stringify(value) : String(value));

/** A diff as a list: path, old value struck through, new value. */
export function ChangeList({ changes }: { changes: TChange[] }) {
  const t = useTranslations("enrollment");
  if (changes.length === 0) return <p className="text-sm text-muted-foreground">{t("noChanges")}</p>;
  return (
    <ul className="space-y-1 text-sm">
      {changes.map((change) => (
        <li key={change.path} className="break-all">
          <span className="font-mono">{change.path}</span>:{" "}
          <del className="text-red-800" aria-label={t("oldValue")}>{show(change.old)}</del> →{" "}
          <ins className="text-green-800 no-underline" aria-label={t("newValue")}>{show(change.new)}</ins>
        </li>
      ))}
    </ul>
  );
}
