import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

/**
 * A column heading; `align: "right"` for numbers, an empty label for an actions column.
 * `cardKeep`: the heading stays above a phone's cards (a "select all" box); the others hide there.
 */
export type TColumn = { label: ReactNode; align?: "right"; srOnly?: boolean; cardKeep?: boolean };

/**
 * A column defined once for the heading and each row's cell (a phone's card line names it by
 * `label`). `card: "title"` puts the cell on the card's first line, unlabelled (the row's link).
 */
export type TRowColumn<TRow> = {
  key: string;
  label: string;
  cell: (row: TRow) => ReactNode;
  align?: "right";
  className?: string;
  card?: "title";
  testId?: string;
};

/** A row's cells from its columns' definitions. */
export function DataCells<TRow>({ columns, row }: { columns: readonly TRowColumn<TRow>[]; row: TRow }) {
  return columns.map((column) => (
    <td
      key={column.key}
      data-label={column.card === "title" ? undefined : column.label}
      data-card={column.card}
      data-testid={column.testId}
      className={cn("px-3 py-2", column.align === "right" && "text-right", column.className)}
    >
      {column.cell(row)}
    </td>
  ));
}

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
  cards,
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
  /**
   * Below `md` each row is a card: the cells one under the other, each named by its `data-label`
   * (`DataCells` sets it), so every column stays readable on a phone (app/globals.css, `.table-cards`).
   */
  cards?: boolean;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("overflow-x-auto rounded-lg border border-border bg-white", className)}>
      <table className={cn("w-full text-left text-sm", cards && "table-cards")} aria-busy={busy || undefined}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-muted text-xs uppercase text-muted-foreground">
          <tr>
            {columns.map((column, index) => {
              const c = typeof column === "string" ? { label: column } : column;
              return (
                <th key={index} scope="col" data-card-keep={c.cardKeep || undefined} className={cn("px-3 py-2", c.align === "right" && "text-right")}>
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
