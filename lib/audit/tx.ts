import type { TDb } from "../db/client";

/** The client Prisma passes to an interactive `db.$transaction(async (tx) => …)` callback. */
type TTransactionCallback = Extract<Parameters<TDb["$transaction"]>[0], (...args: never[]) => unknown>;
export type TTx = Parameters<TTransactionCallback>[0];
