import Link from "next/link";
import { STEPS, STEP_LABEL, type TStep } from "@/lib/cases/answers";

/** The wizard's steps; each is a link, so officers can go back and forth freely. */
export function StepIndicator({ caseId, current, complete }: { caseId: string; current: TStep; complete: Partial<Record<TStep, boolean>> }) {
  return (
    <nav aria-label="填寫步驟">
      <ol className="flex flex-wrap gap-2">
        {STEPS.map((step, i) => {
          const isCurrent = step === current;
          return (
            <li key={step}>
              <Link
                href={`/cases/${caseId}/${step}`}
                aria-current={isCurrent ? "step" : undefined}
                className={`flex items-center gap-2 rounded-full border px-3 py-1.5 text-sm ${
                  isCurrent ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white hover:border-brand-700"
                }`}
              >
                <span aria-hidden="true" className="font-mono">
                  {i + 1}
                </span>
                <span>{STEP_LABEL[step]}</span>
                {complete[step] && !isCurrent && (
                  <span className="text-emerald-800" aria-label="已完成">
                    ✓
                  </span>
                )}
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
