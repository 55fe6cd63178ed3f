import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

/** The client or a transaction's client: what every read or write helper takes. */
export type TDb = PrismaClient | Prisma.TransactionClient;
