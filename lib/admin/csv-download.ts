import { formatTaipei } from "../audit";

/** `稽核紀錄_<YYYYMMDD>.csv` on the Taipei calendar, with an ASCII stand-in for old clients. */
export function auditCsvFileName(now: Date): { name: string; fallback: string } {
  const day = formatTaipei(now).slice(0, 10).replaceAll("-", "");
  return { name: `稽核紀錄_${day}.csv`, fallback: `audit-log_${day}.csv` };
}
