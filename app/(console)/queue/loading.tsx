import { getTranslations } from "next-intl/server";

export default async function Loading() {
  const t = await getTranslations("queue");
  return (
    <p role="status" className="p-6 text-muted-foreground">
      {t("loading")}
    </p>
  );
}
