import { useTranslations } from "next-intl";
import { FieldName } from "@/components/enrollment/field-name";
import { changeDisplay, type TChange } from "@/lib/enrollment/diff";

/** A diff as a list: the field (by its label), old value struck through, new value. */
export function ChangeList({ changes, page }: { changes: TChange[]; /** The enrollment page, when listed elsewhere. */ page?: string }) {
  const t = useTranslations("enrollment");
  if (changes.length === 0) return <p className="text-sm text-muted-foreground">{t("noChanges")}</p>;
  return (
    <ul className="space-y-1 text-sm">
      {changes.map((change) => {
        const shown = changeDisplay(change);
        const value = (text: string, side: 0 | 1) => (shown.kinds ? t("valueOfKind", { value: text, kind: t(`valueKinds.${shown.kinds[side]}`) }) : text);
        return (
          <li key={change.path} className="break-all">
            <FieldName path={change.path} page={page} />:{" "}
            {/* words, not aria-label: del and ins may not be named (ARIA's deletion and insertion roles) */}
            <span className="sr-only">{t("oldValue")}: </span>
            <del className="text-red-800">{value(shown.old, 0)}</del> →{" "}
            <span className="sr-only">{t("newValue")}: </span>
            <ins className="text-green-800 no-underline">{value(shown.new, 1)}</ins>
          </li>
        );
      })}
    </ul>
  );
}
