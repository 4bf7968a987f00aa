/**
 * The id offered for a new draft: today's date, or today with a letter when taken, as long as it sorts
 * after every existing id (the highest published id is the default for new cases); if the newest id is
 * dated after today, that date with a letter.
 */
export function suggestVersionId(existing: readonly string[], today: string): string {
  const newest = [...existing].sort().pop() ?? "";
  const taken = new Set(existing);
  for (const day of [today, newest.slice(0, 10)])
    for (const suffix of ["", ..."bcdefghijklmnopqrstuvwxyz"]) {
      const id = suffix ? `${day}-${suffix}` : day;
      if (!taken.has(id) && id > newest) return id;
    }
  return `${newest.slice(0, 10)}-z${existing.length}`;
}
