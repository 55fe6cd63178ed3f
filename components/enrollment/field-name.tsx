import { useLocale } from "next-intl";
import { fieldLabel, toLabelLocale } from "@/lib/enrollment/field-label";

type TProps = {
  /** A payload path: `client_contact.email`, `client_documents.1.document_number`. */
  path: string;
  /** The enrollment page the field is on, when it is not this page (the AML customer timeline). */
  page?: string;
  className?: string;
};

/** A field named as the forms name it ("Contact · Email"), linking to the field on the enrollment page. */
export function FieldName({ path, page = "", className = "text-brand hover:underline" }: TProps) {
  const { text, anchor } = fieldLabel(path, toLabelLocale(useLocale()));
  return (
    <a href={`${page}#${anchor}`} className={className}>
      {text}
    </a>
  );
}
