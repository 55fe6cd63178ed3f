import { useLocale, useTranslations } from "next-intl";
import { findField, type TSectionKey } from "@/lib/enrollment/field-table";
import { isNoValue } from "@/lib/enrollment/schema";

const humanize = (key: string) => key.replace(/_/g, " ").replace(/^\w/, (c) => c.toUpperCase());

type TProps = {
  value: unknown;
  section: TSectionKey;
  /** Dotted path inside the section, without array indexes (how the field table names it). */
  fieldPath: string;
};

/**
 * A read-only rendering of one section: labels come from the seed's field table in the user's
 * language; keys the table does not know are shown too, under their own name.
 */
export function SectionValue({ value, section, fieldPath }: TProps) {
  const t = useTranslations("enrollment");
  const locale = useLocale() === "es" ? "es" : "en";
  if (isNoValue(value)) return <span className="text-muted-foreground">{t("noValue")}</span>;
  if (Array.isArray(value)) {
    return (
      <ol className="space-y-3">
        {value.map((item, index) => (
          <li key={index} className="rounded-md border border-border p-3">
            <SectionValue value={item} section={section} fieldPath={fieldPath} />
          </li>
        ))}
      </ol>
    );
  }
  if (typeof value === "object") {
    return (
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2">
        {Object.entries(value as Record<string, unknown>).map(([key, child]) => {
          const childPath = fieldPath ? `${fieldPath}.${key}` : key;
          const spec = findField(section, childPath);
          return (
            <div key={key} className={child && typeof child === "object" ? "sm:col-span-2" : undefined}>
              <dt className="text-xs font-medium uppercase text-muted-foreground" title={spec?.description[locale]}>
                {spec?.label[locale] ?? humanize(key)}
              </dt>
              <dd className="text-sm" data-path={`${section}.${childPath}`}>
                <SectionValue value={child} section={section} fieldPath={childPath} />
              </dd>
            </div>
          );
        })}
      </dl>
    );
  }
  return <span>{String(value)}</span>;
}
