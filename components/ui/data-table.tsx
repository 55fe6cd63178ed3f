import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

/** A column heading; `align: "right"` for numbers, an empty label for an actions column. */
export type TColumn = { label: ReactNode; align?: "right"; srOnly?: boolean };

/**
 * The console's tables (queue, AML queue, admin lists): a caption for screen readers, one row of
 * column headings, the rows the caller renders, and a message spanning every column when there
 * are none.
 */
export function DataTable({
  caption,
  columns,
  empty,
  isEmpty,
  busy,
  children,
  className,
}: {
  caption: string;
  columns: readonly (TColumn | string)[];
  /** Shown in one cell across the table when `isEmpty`. */
  empty: ReactNode;
  isEmpty: boolean;
  /** Rows are being fetched again (announced to assistive technology). */
  busy?: boolean;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("overflow-x-auto rounded-lg border border-border bg-white", className)}>
      <table className="w-full text-left text-sm" aria-busy={busy || undefined}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-muted text-xs uppercase text-muted-foreground">
          <tr>
            {columns.map((column, index) => {
              const c = typeof column === "string" ? { label: column } : column;
              return (
                <th key={index} scope="col" className={cn("px-3 py-2", c.align === "right" && "text-right")}>
                  {c.srOnly ? <span className="sr-only">{c.label}</span> : c.label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {isEmpty && (
            <tr>
              <td colSpan={columns.length} className="px-3 py-8 text-center text-muted-foreground">
                {empty}
              </td>
            </tr>
          )}
          {children}
        </tbody>
      </table>
    </div>
  );
}
