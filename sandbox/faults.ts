// Fault definitions shared by the sandboxes, and the counter that makes `times` work.
import { z } from "zod";

const times = z.number().int().positive().optional();
// Only failures that can happen after the backend did its work make sense "after processing".
const afterProcessing = z.boolean().optional();

const ZDelay = z.strictObject({ kind: z.literal("delay"), ms: z.number().int().min(0).max(600_000), times });
const ZTimeout = z.strictObject({ kind: z.literal("timeout"), times, afterProcessing });
/**
 * A message the sandbox answers with. `{document_number}` in it is replaced by the document number
 * of the request (core_customer: the main document; core_product: the first related client's main
 * document; AMLYZE: nationalCode), as a real backend may echo it back in an error.
 */
const message = z.string().min(1).max(2000);
/** `raw: true` answers the message as the whole text/plain body instead of inside JSON. */
const raw = z.boolean().optional();
const ZStatus500 = z.strictObject({ kind: z.literal("status500"), times, afterProcessing, message: message.optional() });
const ZReset = z.strictObject({ kind: z.literal("reset"), times, afterProcessing });
const ZGarbage = z.strictObject({ kind: z.literal("garbage"), times, afterProcessing });
const ZStatus400 = z.strictObject({ kind: z.literal("status400"), message, times, raw });
const ZPartial = z.strictObject({ kind: z.literal("partial"), times, message: message.optional() });
const ZStatus404 = z.strictObject({ kind: z.literal("status404"), times });
const ZMalformed500 = z.strictObject({ kind: z.literal("malformed500"), times });

export const ZCoreCustomerFault = z.discriminatedUnion("kind", [ZDelay, ZTimeout, ZStatus500, ZReset, ZGarbage, ZStatus400]);
export const ZCoreProductFault = z.discriminatedUnion("kind", [ZDelay, ZTimeout, ZStatus500, ZReset, ZGarbage, ZStatus400, ZPartial]);
export const ZCoreFaults = z.strictObject({
  core_customer: ZCoreCustomerFault.optional(),
  core_product: ZCoreProductFault.optional(),
});
export const ZAmlyzeFault = z.discriminatedUnion("kind", [ZDelay, ZTimeout, ZStatus500, ZReset, ZGarbage, ZStatus400, ZStatus404, ZMalformed500]);

export type TCoreCustomerFault = z.infer<typeof ZCoreCustomerFault>;
export type TCoreProductFault = z.infer<typeof ZCoreProductFault>;
export type TCoreFaults = z.infer<typeof ZCoreFaults>;
export type TAmlyzeFault = z.infer<typeof ZAmlyzeFault>;
export type TFault = TCoreProductFault | TAmlyzeFault;

/** Failures that leave the caller without a usable answer. */
export type TFailureKind = "timeout" | "status500" | "reset" | "garbage";

/** A fault's message with `{document_number}` replaced by the request's (or "(none)"). */
export function echoMessage(template: string, documentNumber: string | null): string {
  return template.split("{document_number}").join(documentNumber ?? "(none)");
}

/** One endpoint's fault; `times` counts down per request that the fault touched. */
export class FaultSlot<F extends { times?: number }> {
  private fault: F | undefined;
  private remaining: number | undefined;

  set(fault: F | undefined): void {
    this.fault = fault;
    this.remaining = fault?.times;
  }

  /** The fault to apply to the current request, consuming one use. */
  take(): F | undefined {
    const fault = this.fault;
    if (!fault) return undefined;
    if (this.remaining !== undefined) {
      this.remaining -= 1;
      if (this.remaining <= 0) this.set(undefined);
    }
    return fault;
  }

  describe(): (F & { remaining?: number }) | null {
    if (!this.fault) return null;
    return this.remaining === undefined ? this.fault : { ...this.fault, remaining: this.remaining };
  }
}

/**
 * The failure this fault causes in the given phase, if any: "before" means the backend never
 * touched its state, "after" means it did and only the answer is lost.
 */
export function failureIn(fault: TFault | undefined, phase: "before" | "after"): TFailureKind | undefined {
  if (!fault) return undefined;
  if (fault.kind === "timeout" || fault.kind === "status500" || fault.kind === "reset" || fault.kind === "garbage") {
    return (fault.afterProcessing === true) === (phase === "after") ? fault.kind : undefined;
  }
  return undefined;
}
