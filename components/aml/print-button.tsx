"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export function PrintButton() {
  const t = useTranslations("aml.print");
  return (
    <Button type="button" className="print:hidden" onClick={() => window.print()}>
      {t("button")}
    </Button>
  );
}
