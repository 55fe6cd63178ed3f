// The `date` rule of the field table, apart from the schemas (which bring the country and currency
// lists with them) so that identity.ts can use it too.
import { z } from "zod";

const ISO_DATE = z.iso.date();

/** Whether text is a real calendar date written YYYY-MM-DD (2024-02-29 is, 1990-02-30 is not). */
export const isIsoDate = (text: string): boolean => ISO_DATE.safeParse(text).success;
