import { Prisma } from "@/lib/generated/prisma/client";

const hasCode = (error: unknown, code: string) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === code;

/** A unique constraint refused the write (P2002). */
export const isUniqueViolation = (error: unknown) => hasCode(error, "P2002");

/** A foreign key refused the write or the delete (P2003). */
export const isForeignKeyViolation = (error: unknown) => hasCode(error, "P2003");
