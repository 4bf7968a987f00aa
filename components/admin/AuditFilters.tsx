import Link from "next/link";
import type { TAuditQueryField, TAuditQueryValues } from "@/lib/admin";
import { FieldError } from "../ui/FieldError";
import { BUTTON } from "./styles";

type TOption = { value: string; label: string };

const FIELD = "mt-1 rounded border px-3 py-2";

/** A plain GET form: the filters live in the URL, so a filtered view can be bookmarked and paged. */
export function AuditFilters({
  values,
  errors,
  users,
  actions,
}: {
  values: TAuditQueryValues;
  errors: Partial<Record<TAuditQueryField, string>>;
  users: TOption[];
  actions: TOption[];
}) {
  const attrs = (field: TAuditQueryField) => ({
    id: `filter-${field}`,
    name: field,
    "aria-invalid": errors[field] ? true : undefined,
    "aria-describedby": errors[field] ? `filter-${field}-error` : undefined,
    className: `${FIELD} ${errors[field] ? "border-red-700" : "border-slate-400"}`,
  });
  const select = (field: "user" | "action", label: string, options: TOption[]) => (
    <div>
      <label htmlFor={`filter-${field}`} className="block font-semibold">
        {label}
      </label>
      <select {...attrs(field)} defaultValue={values[field]}>
        <option value="">全部</option>
        {/* A value from the URL that is not among the choices stays visible, not silently dropped. */}
        {values[field] && !options.some((o) => o.value === values[field]) && <option value={values[field]}>{values[field]}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={`filter-${field}-error`} message={errors[field]} />
    </div>
  );
  const date = (field: "from" | "to", label: string) => (
    <div>
      <label htmlFor={`filter-${field}`} className="block font-semibold">
        {label}
      </label>
      <input type="date" {...attrs(field)} defaultValue={values[field]} />
      <FieldError id={`filter-${field}-error`} message={errors[field]} />
    </div>
  );
  return (
    <form method="get" action="/admin/audit" className="rounded-lg border border-slate-200 bg-white p-5">
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">篩選</legend>
        <p id="filter-hint" className="text-sm text-slate-600">
          日期以臺灣時間計，起日與迄日當天都包含在內。
        </p>
        <div className="flex flex-wrap items-start gap-4">
          {select("user", "使用者", users)}
          {select("action", "動作", actions)}
          {date("from", "起日")}
          {date("to", "迄日")}
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className={BUTTON}>
            篩選
          </button>
          <Link href="/admin/audit" className="text-brand-700 underline">
            清除篩選
          </Link>
        </div>
      </fieldset>
    </form>
  );
}
