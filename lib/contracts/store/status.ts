/** What an obligation shows, computed at read time (Asia/Taipei) from its review and due date. */
export const OBLIGATION_STATUSES = ["not-due", "due", "submitted", "approved", "returned", "overdue"] as const;
export type TObligationStatus = (typeof OBLIGATION_STATUSES)[number];
export const OBLIGATION_STATUS_LABEL: Record<TObligationStatus, string> = {
  "not-due": "未到期",
  due: "待繳交",
  submitted: "已繳交待審",
  approved: "已核可",
  returned: "退回",
  overdue: "逾期",
};

/** Days before the due date from which an obligation reads 待繳交 (the dashboard's window too). */
export const DUE_WINDOW_DAYS = 30;

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** today is Taipei's date (taipeiToday). A returned item past its date is still 退回 (the vendor must redo it). */
export function obligationStatus(o: { review: string; dueOn: string | null }, today: string): TObligationStatus {
  if (o.review === "approved") return "approved";
  if (o.review === "submitted") return "submitted";
  if (o.review === "returned") return "returned";
  if (!o.dueOn) return "not-due";
  if (o.dueOn < today) return "overdue";
  return o.dueOn <= addDays(today, DUE_WINDOW_DAYS) ? "due" : "not-due";
}

export const windowEnd = (today: string) => addDays(today, DUE_WINDOW_DAYS);
