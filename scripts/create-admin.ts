// `npm run users:create-admin -- <username> [display name]`: the first administrator of a real
// deployment, which never runs the demo seed. The password is generated, printed once, and must
// be changed at the first sign-in; the creation is audited with the operator's login name. Later
// users are created by an admin in Admin → Users.
import os from "node:os";
import { prisma } from "@/lib/db/client";
import { createUser } from "@/lib/users/manage-users";
import { ZCreateUser } from "@/lib/users/user-schemas";

async function main() {
  const [username, ...name] = process.argv.slice(2);
  const parsed = ZCreateUser.safeParse({ username: username ?? "", displayName: name.join(" ") || "Administrator", role: "admin", temporaryPassword: "" });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`usage: npm run users:create-admin -- <username> [display name]\n${issue.path.join(".")}: ${issue.message}`);
  }
  const result = await createUser(prisma, parsed.data, { actor: { id: null, label: `cli:${os.userInfo().username}` } });
  if (result.kind === "username_taken") throw new Error(`username ${parsed.data.username} is taken`);
  if (result.kind !== "done" || !result.temporaryPassword) throw new Error(`the user was not created (${result.kind})`);
  console.log(`admin ${parsed.data.username} created. Temporary password, shown only now (to be changed at the first sign-in):`);
  console.log(result.temporaryPassword);
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
