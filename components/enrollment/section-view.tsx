import { useTranslations } from "next-intl";

type TValue = unknown;

const humanize = (key: string) => key.replace(/_/g, " ").replace(/^\w/, (c) => c.toUpperCase());

function isEmpty(value: TValue) {
  return value === null || value === undefined || value === "";
}

/** A read-only rendering of one section: nested objects as groups, arrays as numbered entries. */
export function SectionValue({ value, path }: { value: TValue; path: string }) {
  const t = useTranslations("enrollment");
  if (isEmpty(value)) return <span className="text-muted-foreground">{t("noValue")}</span>;
  if (Array.isArray(value)) {
    return (
      <ol className="space-y-3">
        {value.map((item, index) => (
          <li key={`${path}.${index}`} className="rounded-md border border-border p-3">
            <SectionValue value={item} path={`${path}.${index}`} />
          </li>
        ))}
      </ol>
    );
  }
  if (typeof value === "object") {
    return (
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2">
        {Object.entries(value as Record<string, TValue>).map(([key, child]) => (
          <div key={key} className={child && typeof child === "object" ? "sm:col-span-2" : undefined}>
            <dt className="text-xs font-medium uppercase text-muted-foreground">{humanize(key)}</dt>
            <dd className="text-sm" data-path={`${path}.${key}`}>
              <SectionValue value={child} path={`${path}.${key}`} />
            </dd>
          </div>
        ))}
      </dl>
    );
  }
  return <span>{String(value)}</span>;
}
