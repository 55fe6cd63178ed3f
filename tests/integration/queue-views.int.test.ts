// Saved queue views against real PostgreSQL: saved per user under a name, one default at most,
// nobody reaches another user's views, a limit per user, and the default applied only when the
// queue is opened without filters.
import { beforeAll, describe, expect, it } from "vitest";
import type { TCurrentUser } from "@/lib/auth/current-user";
import { parseQueueFilters } from "@/lib/queue/queue-filters";
import { QUEUE_VIEWS_MAX, withDefaultView } from "@/lib/queue/queue-view-input";
import { deleteQueueView, listQueueViews, saveQueueView, setDefaultQueueView } from "@/lib/queue/queue-views";
import { prisma } from "./db";
import { deskUser, uniqueBranch } from "./desk-helpers";

let olga: TCurrentUser;
let oscar: TCurrentUser;
const actor = (user: TCurrentUser) => ({ id: user.id, label: user.username });

beforeAll(async () => {
  olga = await deskUser({ branches: [uniqueBranch()] });
  oscar = await deskUser({ branches: [uniqueBranch()] });
});

describe("saved queue views", () => {
  it("saves views by name, keeps one default, and opens the queue on it only when no filter is chosen", async () => {
    const ready = await saveQueueView(prisma, actor(olga), { name: "Ready", filters: { status: "ready", sort: "received_asc" }, makeDefault: true });
    const failed = await saveQueueView(prisma, actor(olga), { name: "Failed", filters: { status: "failed" }, makeDefault: true });
    expect(ready.kind).toBe("saved");
    expect(failed.kind).toBe("saved");
    let views = await listQueueViews(prisma, olga.id);
    expect(views.map((view) => [view.name, view.isDefault])).toEqual([["Failed", true], ["Ready", false]]);
    // the same name again replaces its filters
    await saveQueueView(prisma, actor(olga), { name: "Ready", filters: { status: "ready", owner: "mine" }, makeDefault: false });
    views = await listQueueViews(prisma, olga.id);
    expect(views.find((view) => view.name === "Ready")!.filters).toEqual({ status: "ready", owner: "mine" });
    expect(views.find((view) => view.name === "Failed")!.isDefault).toBe(true);

    const failedId = failed.kind === "saved" ? failed.id : "";
    expect(withDefaultView(parseQueueFilters({}), views)).toEqual({ status: "failed", view: failedId });
    // any filter chosen in the URL, or "no view", wins over the default
    expect(withDefaultView(parseQueueFilters({ status: "ready" }), views)).toEqual({ status: "ready" });
    expect(withDefaultView(parseQueueFilters({ view: "none" }), views)).toEqual({ view: "none" });

    expect(await setDefaultQueueView(prisma, actor(olga), null)).toEqual({ kind: "done" });
    expect((await listQueueViews(prisma, olga.id)).some((view) => view.isDefault)).toBe(false);
    const audit = await prisma.auditEvent.count({ where: { actorId: olga.id, action: { startsWith: "queue_view." } } });
    expect(audit).toBe(4);
  });

  it("lets nobody read, change or delete another user's view", async () => {
    const saved = await saveQueueView(prisma, actor(olga), { name: "Mine only", filters: { owner: "mine" }, makeDefault: false });
    const id = saved.kind === "saved" ? saved.id : "";
    expect(await listQueueViews(prisma, oscar.id)).toEqual([]);
    expect(await deleteQueueView(prisma, actor(oscar), id)).toEqual({ kind: "notFound" });
    expect(await setDefaultQueueView(prisma, actor(oscar), id)).toEqual({ kind: "notFound" });
    const row = await prisma.queueView.findUniqueOrThrow({ where: { id } });
    expect([row.userId, row.isDefault]).toEqual([olga.id, false]);
    expect(await deleteQueueView(prisma, actor(olga), id)).toEqual({ kind: "done" });
    expect(await prisma.queueView.count({ where: { id } })).toBe(0);
  });

  it("keeps at most the limit of views per user", async () => {
    const user = await deskUser({ branches: [uniqueBranch()] });
    for (let i = 0; i < QUEUE_VIEWS_MAX; i += 1) await saveQueueView(prisma, actor(user), { name: `View ${i}`, filters: {}, makeDefault: false });
    expect(await saveQueueView(prisma, actor(user), { name: "One too many", filters: {}, makeDefault: false })).toEqual({ kind: "tooMany" });
    // replacing one of them is not one more
    expect((await saveQueueView(prisma, actor(user), { name: "View 3", filters: { status: "ready" }, makeDefault: false })).kind).toBe("saved");
  });
});
