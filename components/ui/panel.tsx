import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

type TProps = {
  /** The heading's id: the section is named by its heading. */
  id: string;
  title: ReactNode;
  /** Spacing and width of the panel's content (`space-y-2` unless told). */
  className?: string;
  children: ReactNode;
};

/** A titled panel of a page (an admin setting, an action on a user): a section named by its heading. */
export function Panel({ id, title, className = "space-y-2", children }: TProps) {
  return (
    <section aria-labelledby={id} className={cn(className, "rounded-lg border border-border bg-white p-4")}>
      <h2 id={id} className="text-lg font-medium">
        {title}
      </h2>
      {children}
    </section>
  );
}
