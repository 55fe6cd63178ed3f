// The pipeline as a read-only viewer (compliance) sees it: every document number masked in the
// request and response bodies, the related clients, and the core's messages, which may echo one.
// The full numbers stay behind the audited reveal (lib/aml/actions/reveal-documents.ts).
import "server-only";
import { identityValues, knownNumbers, maskDocumentNumbers, maskJsonText, maskNumbersIn, maskReason, type TIdentityMatcher } from "@/lib/aml/mask";
import type { TPipeline } from "@/lib/push/get-pipeline";

const parseJson = (text: string | null): unknown => {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
};

/** Every identity number the pipeline itself holds: what was sent, and the related clients. */
export function pipelineNumbers(pipeline: TPipeline, found: string[] = []): string[] {
  for (const attempt of pipeline.attempts) identityValues(parseJson(attempt.requestBody), found);
  for (const product of pipeline.products) identityValues(product.relatedClientInfo, found);
  return found;
}

/** The pipeline with every number `isKnown` recognises masked, and every value under an identity key. */
export function maskPipeline(pipeline: TPipeline, isKnown: TIdentityMatcher = knownNumbers(pipelineNumbers(pipeline))): TPipeline {
  const text = (value: string | null) => (value === null ? null : maskNumbersIn(value, isKnown));
  const body = (value: string | null) => text(maskJsonText(value));
  return {
    ...pipeline,
    pushError: maskReason(pipeline.pushError, isKnown),
    products: pipeline.products.map((product) => ({
      ...product,
      relatedClientInfo: maskDocumentNumbers(product.relatedClientInfo) as unknown[],
      accounts: product.accounts.map((account) => ({ ...account, message: text(account.message) })),
      message: maskReason(product.message, isKnown),
    })),
    attempts: pipeline.attempts.map((attempt) => ({
      ...attempt,
      error: maskReason(attempt.error, isKnown),
      requestBody: body(attempt.requestBody) ?? "",
      responseBody: body(attempt.responseBody),
    })),
  };
}
