import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations("forbidden");
  return (
    <main id="main" tabIndex={-1} className="outline-none mx-auto max-w-md p-10 text-center">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-muted-foreground">{t("body")}</p>
      <Link className="mt-6 inline-block text-brand underline" href="/">
        {t("back")}
      </Link>
    </main>
  );
}
