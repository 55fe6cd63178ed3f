// An admin's changes to the review SLA: the calendar (target, zone, working hours), a branch's own
// target, holidays. Each is one transaction with its audit event and the job that recomputes the
// due times of open enrollments (lib/sla/jobs.ts), so a change and its effect commit together.
import "server-only";
import { recordAudit, type TAuditActor } from "@/lib/audit/record-audit";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { enqueueSlaRecompute } from "@/lib/sla/jobs";
import { clockToMinutes, type TSlaBranchTargetInput, type TSlaCalendarInput, type TSlaHolidayInput } from "@/lib/sla/sla-schemas";
import { forgetSlaConfig, readSlaConfig } from "@/lib/sla/sla-settings";

type TContext = { actor: TAuditActor; ip?: string | null };

/** This process reads the new settings from its next intake on (lib/sla/sla-settings.ts). */
async function forgetting<T>(change: Promise<T>): Promise<T> {
  try {
    return await change;
  } finally {
    forgetSlaConfig();
  }
}

export type TSlaSettingsResult = { kind: "done" } | { kind: "not_found" } | { kind: "taken" };

const hoursOf = (input: TSlaCalendarInput) => input.days.map((day) => (day.worked ? { open: clockToMinutes(day.open), close: clockToMinutes(day.close) } : null));

export async function saveSlaCalendar(db: PrismaClient, input: TSlaCalendarInput, ctx: TContext): Promise<TSlaSettingsResult> {
  return forgetting(db.$transaction(async (tx) => {
    const before = await readSlaConfig(tx);
    const next = { targetMinutes: Math.round(input.targetHours * 60), timeZone: input.timeZone, hours: hoursOf(input) };
    await tx.slaCalendar.upsert({ where: { id: 1 }, create: { id: 1, ...next, updatedById: ctx.actor.id }, update: { ...next, updatedById: ctx.actor.id } });
    await recordAudit(tx, {
      ...ctx,
      action: "sla.calendar_changed",
      targetType: "setting",
      targetId: "sla.calendar",
      details: { from: { targetMinutes: before.targetMinutes, timeZone: before.timeZone, hours: [...before.hours] }, to: next },
    });
    await enqueueSlaRecompute(tx);
    return { kind: "done" } as const;
  }));
}

export async function saveSlaBranchTarget(db: PrismaClient, input: TSlaBranchTargetInput, ctx: TContext): Promise<TSlaSettingsResult> {
  return forgetting(db.$transaction(async (tx) => {
    const before = await tx.slaBranchTarget.findUnique({ where: { branchCode: input.branchCode } });
    const next = { targetMinutes: Math.round(input.targetHours * 60), timeZone: input.timeZone || null };
    await tx.slaBranchTarget.upsert({
      where: { branchCode: input.branchCode },
      create: { branchCode: input.branchCode, ...next, updatedById: ctx.actor.id },
      update: { ...next, updatedById: ctx.actor.id },
    });
    await recordAudit(tx, {
      ...ctx,
      action: "sla.branch_target_changed",
      targetType: "branch",
      targetId: input.branchCode,
      details: { from: before ? { targetMinutes: before.targetMinutes, timeZone: before.timeZone } : null, to: next },
    });
    await enqueueSlaRecompute(tx);
    return { kind: "done" } as const;
  }));
}

export async function removeSlaBranchTarget(db: PrismaClient, branchCode: string, ctx: TContext): Promise<TSlaSettingsResult> {
  return forgetting(db.$transaction(async (tx) => {
    const removed = await tx.slaBranchTarget.deleteMany({ where: { branchCode } });
    if (removed.count === 0) return { kind: "not_found" } as const;
    await recordAudit(tx, { ...ctx, action: "sla.branch_target_removed", targetType: "branch", targetId: branchCode });
    await enqueueSlaRecompute(tx);
    return { kind: "done" } as const;
  }));
}

export async function addSlaHoliday(db: PrismaClient, input: TSlaHolidayInput, ctx: TContext): Promise<TSlaSettingsResult> {
  return forgetting(db.$transaction(async (tx) => {
    const branchCode = input.branchCode || null;
    const day = new Date(`${input.day}T00:00:00Z`);
    // the same day twice for the same branches says nothing more
    if (await tx.slaHoliday.findFirst({ where: { day, branchCode }, select: { id: true } })) return { kind: "taken" } as const;
    const holiday = await tx.slaHoliday.create({ data: { day, name: input.name, branchCode, createdById: ctx.actor.id }, select: { id: true } });
    await recordAudit(tx, { ...ctx, action: "sla.holiday_added", targetType: "sla_holiday", targetId: holiday.id, details: { day: input.day, name: input.name, branchCode } });
    await enqueueSlaRecompute(tx);
    return { kind: "done" } as const;
  }));
}

export async function removeSlaHoliday(db: PrismaClient, id: string, ctx: TContext): Promise<TSlaSettingsResult> {
  return forgetting(db.$transaction(async (tx) => {
    const holiday = await tx.slaHoliday.findUnique({ where: { id } });
    if (!holiday) return { kind: "not_found" } as const;
    await tx.slaHoliday.delete({ where: { id } });
    const day = holiday.day.toISOString().slice(0, 10);
    await recordAudit(tx, { ...ctx, action: "sla.holiday_removed", targetType: "sla_holiday", targetId: id, details: { day, name: holiday.name, branchCode: holiday.branchCode } });
    await enqueueSlaRecompute(tx);
    return { kind: "done" } as const;
  }));
}
