"use client";

import { parseContractValue, ZCaseStep, type TAnswers } from "@/lib/cases/answers";
import { ChoiceGroup, TextField } from "./fields";
import { ConflictPanel, StepFormShell, useStepForm, type TSaveAction } from "./StepForm";

type TType = { key: string; name: string; description: string };

export function CaseForm({
  caseId,
  initial,
  types,
  save,
  nextHref,
  readOnly = false,
}: {
  caseId: string;
  initial: TAnswers["case"];
  types: TType[];
  save: TSaveAction;
  nextHref: string;
  readOnly?: boolean;
}) {
  const { form, values, autosave, restored, onNext, conflict, keepMine, takeTheirs } = useStepForm({
    caseId,
    step: "case",
    initial,
    schema: ZCaseStep,
    save,
    nextHref,
  });
  const { register, formState, setValue } = form;
  const e = formState.errors;
  const amount = parseContractValue(values.contractValue ?? "");
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
      <TextField id="caseName" label="案件名稱" error={e.caseName?.message} registration={register("caseName")} />
      <TextField id="caseNumber" label="案號" error={e.caseNumber?.message} registration={register("caseNumber")} />
      <TextField
        id="contractValue"
        label="契約金額（新臺幣元，整數）"
        inputMode="numeric"
        hint={
          amount !== null ? (
            <>
              新臺幣 {amount.toLocaleString("zh-TW")} 元
              {amount >= 10_000_000 && "；達一千萬元以上，機關應自行或另行委託第三方進行安全性檢測（施行細則第7條第1項第4款）"}
            </>
          ) : (
            "例如 12,000,000"
          )
        }
        error={e.contractValue?.message}
        registration={register("contractValue")}
        onBlur={() => {
          const v = parseContractValue(form.getValues("contractValue"));
          if (v !== null) setValue("contractValue", v.toLocaleString("en-US"), { shouldValidate: true });
        }}
      />
      <ChoiceGroup
        id="serviceTypes"
        type="checkbox"
        legend="服務類型（可複選）"
        hint="依一覽表的九類資訊服務；一個契約含幾類服務就選幾類，相同的要求只列一次。例如「維運暨功能擴充」案：維護已上線的系統選「應用軟體或系統維運服務」，為該系統增加功能選「既有系統功能後續擴充」；只有新建系統才選「應用軟體或系統開發服務」。"
        options={types.map((t) => ({ value: t.key, label: t.name, hint: t.description }))}
        error={e.serviceTypes?.message ?? (e.serviceTypes as { root?: { message?: string } } | undefined)?.root?.message}
        registration={register("serviceTypes")}
      />
    </StepFormShell>
  );
}
