import { NotFoundContent } from "@/components/layout/not-found-content";
import { getCurrentUser } from "@/lib/auth/current-user";

// notFound() in a console page (an unknown enrollment, user, product code or AML customer): inside
// the console's layout, whose <main> holds it.
export default async function ConsoleNotFound() {
  return <NotFoundContent user={await getCurrentUser()} />;
}
