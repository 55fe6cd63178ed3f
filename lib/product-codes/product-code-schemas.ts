// Product codes as admins define them, shared by the forms and the server actions. The code is
// the one the core knows (core_product.product_code, varchar 4): capital letters and digits
// only, so it reads the same in every system and never differs by case or spacing.
import { z } from "zod";
import { ACCOUNT_NUMBER_LENGTH } from "./account-number-format";

export const PRODUCT_CODE_PATTERN = /^[A-Z0-9]{1,4}$/;

// The form upper-cases as it is typed (Input's upperCase); a caller that sends lower case gets the same.
export const ZProductCode = z.string().trim().toUpperCase().regex(PRODUCT_CODE_PATTERN, { error: "code" });

const ZFields = {
  name: z.string().trim().min(1, { error: "name" }).max(120, { error: "name" }),
  description: z.string().trim().max(500, { error: "description" }),
  active: z.boolean(),
  /** How many digits the core's account numbers of this product have; empty: learnt from the core's answers. */
  accountNumberLength: z.preprocess(
    (value) => (value === "" || value === undefined ? null : value),
    z.coerce
      .number({ error: "accountNumberLength" })
      .int({ error: "accountNumberLength" })
      .min(ACCOUNT_NUMBER_LENGTH.min, { error: "accountNumberLength" })
      .max(ACCOUNT_NUMBER_LENGTH.max, { error: "accountNumberLength" })
      .nullable()
      .optional(),
  ),
};

export const ZCreateProductCode = z.object({ code: ZProductCode, ...ZFields });
export type TCreateProductCode = z.infer<typeof ZCreateProductCode>;

/** Everything but the code, which never changes once created. */
export const ZUpdateProductCode = z.object({ code: ZProductCode, ...ZFields });
export type TUpdateProductCode = z.infer<typeof ZUpdateProductCode>;

export const ZDeleteProductCode = z.object({ code: ZProductCode });

export type TProductCodeResult = { kind: "done" } | { kind: "taken" } | { kind: "in_use" } | { kind: "not_found" };
