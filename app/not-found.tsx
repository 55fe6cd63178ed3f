import { ConsoleHeader } from "@/components/layout/console-header";
import { NotFoundContent } from "@/components/layout/not-found-content";
import { getCurrentUser } from "@/lib/auth/current-user";

// Any address the app does not know (a page's own notFound() inside the console shows
// app/(console)/not-found.tsx, in the console's frame): the console's header for a signed-in
// user, and a way back to where their role starts, or to sign-in.
export default async function NotFound() {
  const user = await getCurrentUser();
  if (!user) {
    return (
      <main id="main" tabIndex={-1} className="mx-auto max-w-md outline-none p-10 text-center">
        <NotFoundContent user={null} />
      </main>
    );
  }
  return (
    <div className="min-h-screen">
      <ConsoleHeader user={user} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6 outline-none">
        <NotFoundContent user={user} />
      </main>
    </div>
  );
}
