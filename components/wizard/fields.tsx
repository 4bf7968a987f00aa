import type { UseFormRegisterReturn } from "react-hook-form";
import { FieldError } from "../ui/FieldError";

// Field primitives: label, hint and error are tied to the control so screen readers read all three.

export function TextField({
  id,
  label,
  hint,
  error,
  registration,
  inputMode,
  onBlur,
  autoComplete,
}: {
  id: string;
  label: string;
  hint?: React.ReactNode;
  error?: string;
  registration: UseFormRegisterReturn;
  inputMode?: "text" | "numeric";
  onBlur?: () => void;
  autoComplete?: string;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      <input
        id={id}
        type="text"
        inputMode={inputMode}
        autoComplete={autoComplete ?? "off"}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`mt-1 w-full max-w-xl rounded border px-3 py-2 ${error ? "border-red-700" : "border-slate-400"}`}
        {...registration}
        onBlur={(e) => {
          void registration.onBlur(e);
          onBlur?.();
        }}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

export type TOption = { value: string; label: string; hint?: string };

export function ChoiceGroup({
  id,
  legend,
  hint,
  options,
  error,
  registration,
  type = "radio",
  inline = false,
}: {
  id: string;
  legend: string;
  hint?: React.ReactNode;
  options: TOption[];
  error?: string;
  registration: UseFormRegisterReturn;
  type?: "radio" | "checkbox";
  inline?: boolean;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset id={id} aria-describedby={describedBy} aria-invalid={error ? true : undefined} className="space-y-1">
      <legend className="font-semibold">{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      <div className={inline ? "flex flex-wrap gap-x-6 gap-y-1" : "space-y-1"}>
        {options.map((o) => (
          <label key={o.value} className="flex cursor-pointer items-start gap-2 rounded px-1 py-1 hover:bg-brand-50">
            <input type={type} value={o.value} className="mt-1.5 size-4 shrink-0" {...registration} />
            <span>
              <span>{o.label}</span>
              {o.hint && <span className="block text-sm text-slate-600">{o.hint}</span>}
            </span>
          </label>
        ))}
      </div>
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}

export const YES_NO: TOption[] = [
  { value: "yes", label: "是" },
  { value: "no", label: "否" },
];
