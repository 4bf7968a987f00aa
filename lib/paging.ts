import { z } from "zod";

// The paging the list pages (cases, contracts) share: the page number and search words from the query
// string (anything malformed falls back to the default), and the window of rows a page shows.

/** The page number, 1 when missing or malformed. */
export const zPageNumber = () => z.coerce.number().int().min(1).max(100_000).catch(1);

/** Search words, trimmed, at most 100 characters; empty or malformed is no search. */
export const zSearchWords = () =>
  z
    .string()
    .trim()
    .max(100)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined);

/** The rows of page `page` (1-based), for findMany. */
export const pageWindow = (page: number, pageSize: number) => ({ skip: (page - 1) * pageSize, take: pageSize });

/** How many pages `total` rows fill; an empty list is one empty page. */
export const pageCount = (total: number, pageSize: number) => Math.max(1, Math.ceil(total / pageSize));
