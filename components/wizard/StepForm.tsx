"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch, type DefaultValues, type FieldErrors, type FieldValues, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { pendingInput, SaveStatus, useAutosave, type TSaveResult } from "./useAutosave";

export type TSaveAction = (step: string, values: unknown) => Promise<TSaveResult>;

/** One wizard step: react-hook-form validated by the step's zod schema, autosaved as typed. */
export function useStepForm<T extends FieldValues>(opts: {
  caseId: string;
  step: string;
  initial: T;
  schema: z.ZodType;
  save: TSaveAction;
  nextHref: string;
}) {
  const router = useRouter();
  const form = useForm<T>({
    defaultValues: opts.initial as DefaultValues<T>,
    // raw: the officer's values are saved as typed; the schema only judges them.
    resolver: zodResolver(opts.schema as never, undefined, { raw: true }) as unknown as Resolver<T>,
    mode: "onTouched",
  });
  const values = useWatch({ control: form.control }) as T;
  const key = `secreq:case:${opts.caseId}:${opts.step}`;
  const autosave = useAutosave(key, values, (v) => opts.save(opts.step, v));
  const [restored, setRestored] = useState(false);

  useEffect(() => {
    const pending = pendingInput<T>(key);
    if (pending && JSON.stringify(pending) !== JSON.stringify(opts.initial)) {
      form.reset(pending, { keepDefaultValues: true });
      setRestored(true);
    }
    // Only once, on arrival.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onNext = form.handleSubmit(async (v) => {
    const r = await autosave.saveNow(v);
    if (r.ok) router.push(opts.nextHref);
  });

  return { form, values, autosave, restored, onNext };
}

type TSummaryEntry = { id: string; message: string };

function flatten(errors: FieldErrors, prefix = ""): TSummaryEntry[] {
  return Object.entries(errors).flatMap(([key, e]) => {
    if (!e) return [];
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof (e as { message?: unknown }).message === "string") return [{ id: path.replace(/\./g, "-"), message: (e as { message: string }).message }];
    return flatten(e as FieldErrors, path);
  });
}

export function StepFormShell({
  children,
  onSubmit,
  errors,
  submitted,
  state,
  restored,
  submitLabel = "儲存並繼續",
}: {
  children: React.ReactNode;
  onSubmit: (e?: React.BaseSyntheticEvent) => Promise<void>;
  errors: FieldErrors;
  submitted: boolean;
  state: Parameters<typeof SaveStatus>[0]["state"];
  restored: boolean;
  submitLabel?: string;
}) {
  const entries = flatten(errors);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6 rounded-lg border border-slate-200 bg-white p-5">
      {restored && (
        <p className="rounded border border-sky-300 bg-sky-50 p-3 text-sm">已還原您上次在此瀏覽器輸入但尚未儲存的內容。</p>
      )}
      {submitted && entries.length > 0 && (
        <div role="alert" className="rounded border border-red-300 bg-red-50 p-3">
          <p className="font-semibold text-red-800">還有 {entries.length} 個欄位需要修正：</p>
          <ul className="list-disc pl-6">
            {entries.map((e) => (
              <li key={e.id}>
                <a href={`#${e.id}`} className="text-red-800 underline">
                  {e.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {children}
      <div className="flex flex-wrap items-center gap-4 border-t border-slate-200 pt-4">
        <button type="submit" className="rounded bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800">
          {submitLabel}
        </button>
        <SaveStatus state={state} />
      </div>
    </form>
  );
}
