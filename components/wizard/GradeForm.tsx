"use client";

import { chosenGrade, ZGradeStep, type TAnswers } from "@/lib/cases/answers";
import { ASPECTS, ASPECT_GUIDANCE, ASPECT_LABEL, gradeFromAspects, GUIDANCE_LABEL } from "@/lib/resolve/grade";
import { ChoiceGroup } from "./fields";
import { ConflictPanel, StepFormShell, useStepForm, type TSaveAction } from "./StepForm";

const GRADE_OPTIONS = [
  { value: "high", label: "高", hint: `涉及機敏資料或核心業務，一旦受影響後果非常嚴重（${GUIDANCE_LABEL}）` },
  { value: "medium", label: "中", hint: `影響嚴重，或涉及關鍵資訊基礎設施（CII）（${GUIDANCE_LABEL}）` },
  { value: "normal", label: "普", hint: `一般系統，影響有限（${GUIDANCE_LABEL}）` },
];
const ASPECT_OPTIONS = [
  { value: "normal", label: "普" },
  { value: "medium", label: "中" },
  { value: "high", label: "高" },
];

export function GradeForm({
  caseId,
  initial,
  save,
  nextHref,
  readOnly = false,
}: {
  caseId: string;
  initial: TAnswers["grade"];
  save: TSaveAction;
  nextHref: string;
  readOnly?: boolean;
}) {
  const { form, values, autosave, restored, onNext, conflict, keepMine, takeTheirs } = useStepForm({
    caseId,
    step: "grade",
    initial,
    schema: ZGradeStep,
    save,
    nextHref,
  });
  const { register, formState } = form;
  const e = formState.errors;
  const mode = values.mode ?? "direct";
  const grade = chosenGrade({ ...initial, ...values, aspects: { ...initial.aspects, ...values.aspects } } as TAnswers["grade"]);
  const a = values.aspects;
  const helper =
    mode === "helper" && a?.confidentiality && a.integrity && a.availability && a.legalCompliance
      ? gradeFromAspects({ confidentiality: a.confidentiality, integrity: a.integrity, availability: a.availability, legalCompliance: a.legalCompliance })
      : null;
  return (
    <StepFormShell
      onSubmit={onNext}
      errors={e}
      submitted={formState.isSubmitted}
      state={autosave.state}
      restored={restored}
      readOnly={readOnly}
      conflict={conflict && <ConflictPanel conflict={conflict} mine={form.getValues()} onKeepMine={keepMine} onTakeTheirs={takeTheirs} />}
    >
      <ChoiceGroup
        id="mode"
        legend="如何決定系統防護需求等級？"
        options={[
          { value: "direct", label: "直接選擇（已依附表九完成分級）" },
          { value: "helper", label: "依附表九四個構面協助判定" },
        ]}
        registration={register("mode")}
      />
      {mode === "direct" ? (
        <ChoiceGroup id="grade" legend="系統防護需求等級" options={GRADE_OPTIONS} error={e.grade?.message} registration={register("grade")} />
      ) : (
        <div className="space-y-4">
          <p className="text-sm text-slate-700">
            系統等級取四個構面（機密性、完整性、可用性、法律遵循性）中最高者（資通安全責任等級分級辦法附表九；依據為第三方整理的法規摘要）。下列提問為輔助說明，
            {GUIDANCE_LABEL}。
          </p>
          {ASPECTS.map((aspect) => (
            <ChoiceGroup
              key={aspect}
              id={`aspects-${aspect}`}
              legend={ASPECT_LABEL[aspect]}
              hint={ASPECT_GUIDANCE[aspect]}
              options={ASPECT_OPTIONS}
              error={e.aspects?.[aspect]?.message}
              registration={register(`aspects.${aspect}`)}
              inline
            />
          ))}
          {helper && (
            <div role="status" className="rounded border border-slate-300 bg-slate-50 p-3">
              {helper.explanation.map((line) => (
                <p key={line}>{line}</p>
              ))}
            </div>
          )}
        </div>
      )}
      {grade === "high" && mode === "direct" && (
        <p className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
          防護需求等級為「高」之系統屬核心資通系統（資通安全管理法施行細則第10條第2項，115-01-05），本案將以核心資通系統辦理。
        </p>
      )}
    </StepFormShell>
  );
}
