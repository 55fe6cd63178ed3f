import { useLocale, useTranslations } from "next-intl";
import { fieldAnchor } from "@/lib/enrollment/field-label";
import { fieldsOf, findField, type TSectionKey } from "@/lib/enrollment/field-table";
import { isNoValue } from "@/lib/enrollment/schema";

type TProps = {
  value: unknown;
  section: TSectionKey;
  /** Dotted path inside the section, without array indexes (how the field table names it). */
  fieldPath: string;
  /** The full payload path, with array indexes: each field gets the id its form control would have. */
  formPath: string;
};

/** The required fields of the table object at `fieldPath` that `value` lacks: shown as "no value", so links to them land. */
function missingRequired(section: TSectionKey, fieldPath: string, value: Record<string, unknown>): string[] {
  const prefix = fieldPath ? `${fieldPath}.` : "";
  return fieldsOf(section)
    .filter((spec) => spec.required && spec.path.startsWith(prefix) && !spec.path.slice(prefix.length).includes("."))
    .map((spec) => spec.path.slice(prefix.length))
    .filter((key) => !(key in value));
}

/**
 * A read-only rendering of one section: labels come from the seed's field table in the user's
 * language; keys the table does not know are shown too, under their own key (as code: it has no words).
 */
export function SectionValue({ value, section, fieldPath, formPath }: TProps) {
  const t = useTranslations("enrollment");
  const locale = useLocale() === "es" ? "es" : "en";
  if (isNoValue(value)) return <span className="text-muted-foreground">{t("noValue")}</span>;
  if (Array.isArray(value)) {
    return (
      <ol className="space-y-3">
        {value.map((item, index) => (
          <li key={index} id={fieldAnchor(`${formPath}.${index}`)} className="rounded-md border border-border p-3">
            <SectionValue value={item} section={section} fieldPath={fieldPath} formPath={`${formPath}.${index}`} />
          </li>
        ))}
      </ol>
    );
  }
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    const entries: [string, unknown][] = [...Object.entries(record), ...missingRequired(section, fieldPath, record).map((key): [string, unknown] => [key, undefined])];
    return (
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2">
        {entries.map(([key, child]) => {
          const childPath = fieldPath ? `${fieldPath}.${key}` : key;
          const spec = findField(section, childPath);
          return (
            <div key={key} id={fieldAnchor(`${formPath}.${key}`)} className={child && typeof child === "object" ? "sm:col-span-2" : undefined}>
              {spec ? (
                <dt className="text-xs font-medium uppercase text-muted-foreground" title={spec.description[locale]}>
                  {spec.label[locale]}
                </dt>
              ) : (
                <dt className="font-mono text-xs text-muted-foreground">{key}</dt>
              )}
              <dd className="text-sm" data-path={`${section}.${childPath}`}>
                <SectionValue value={child} section={section} fieldPath={childPath} formPath={`${formPath}.${key}`} />
              </dd>
            </div>
          );
        })}
      </dl>
    );
  }
  return <span>{String(value)}</span>;
}
