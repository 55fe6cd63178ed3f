// For unit tests of the guards: a signed-in user of `role` (no server imports).
import type { TCurrentUser } from "@/lib/auth/current-user";

export const testUser = (role: TCurrentUser["role"], pending: TCurrentUser["pending"] = null): TCurrentUser => ({
  id: "u1",
  username: role,
  displayName: role,
  role,
  branches: ["01"],
  deskLead: false,
  locale: "en",
  totpEnabled: false,
  pending,
});
