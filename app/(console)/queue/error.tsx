"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export default function QueueError({ reset }: { reset: () => void }) {
  const t = useTranslations("queue");
  return (
    <div role="alert" className="space-y-3 rounded-md bg-red-50 p-6 text-danger">
      <p>{t("error")}</p>
      <Button variant="secondary" onClick={reset}>
        {t("retry")}
      </Button>
    </div>
  );
}
