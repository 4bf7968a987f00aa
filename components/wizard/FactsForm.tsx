"use client";

import { chosenGrade, ZFactsStep, type TAnswers } from "@/lib/cases/answers";
import { RISK_LEVEL_HINT, RISK_LEVEL_LABEL } from "@/lib/resolve/input";
import { ChoiceGroup, TextField, YES_NO } from "./fields";
import { ConflictPanel, StepFormShell, useStepForm, type TSaveAction } from "./StepForm";

const QUESTIONS = [
  [
    "personalData",
    "本案是否涉及個人資料？",
    "一覽表：「提供服務項目涉及個資時應納入要求」——例如廠商的服務會蒐集、處理或利用民眾或員工的個資，或維運存有個資的系統；涉及個資時，一覽表要求納入隱私資訊管理（ISO 27701 等）相關要求。",
  ],
  [
    "coreSystem",
    "本系統是否為機關的核心資通系統？",
    "支持核心業務持續運作必要之系統，或防護需求等級為高者（施行細則第10條第2項）；防護需求等級為高時一律視為是。核心系統之檢測項目由機關自行或委託第三方辦理。",
  ],
  [
    "cii",
    "是否涉及關鍵資訊基礎設施（CII）？",
    "系統或其資料屬關鍵基礎設施之資通系統時即屬涉及（法定定義請依機關主管機關之認定）；涉及 CII 之系統建議至少符合中級，並建議評估入侵與攻擊模擬（BAS）演練。",
  ],
  [
    "externalService",
    "是否提供重要對外（民眾）服務？",
    "一覽表與所引法規都未定義何謂「重要」對外服務，由機關依其服務自行認定；涉及時一覽表建議評估 DDoS 攻防演練。",
  ],
  ["mobileApp", "是否包含行動應用程式（App）？", "廠商交付或維運的項目含手機或平板 App（例如對民眾提供之 App）即屬之；不含時，App 資安標章等要求不適用。"],
] as const;

export function FactsForm({
  caseId,
  initial,
  grade,
  save,
  nextHref,
  readOnly = false,
}: {
  caseId: string;
  initial: TAnswers["facts"];
  grade: TAnswers["grade"];
  save: TSaveAction;
  nextHref: string;
  readOnly?: boolean;
}) {
  const { form, autosave, restored, onNext, conflict, keepMine, takeTheirs } = useStepForm({
    caseId,
    step: "facts",
    initial,
    schema: ZFactsStep,
    save,
    nextHref,
  });
  const { register, formState } = form;
  const e = formState.errors;
  const high = chosenGrade(grade) === "high";
  return (
    <StepFormShell
      onSubmit={onNext}
      errors={e}
      submitted={formState.isSubmitted}
      state={autosave.state}
      restored={restored}
      readOnly={readOnly}
      conflict={conflict && <ConflictPanel conflict={conflict} mine={form.getValues()} onKeepMine={keepMine} onTakeTheirs={takeTheirs} />}
      submitLabel="儲存並產出檢核表"
    >
      {QUESTIONS.map(([name, legend, hint]) => (
        <div key={name}>
          <ChoiceGroup id={name} legend={legend} hint={hint} options={YES_NO} error={e[name]?.message} registration={register(name)} inline />
          {name === "coreSystem" && high && (
            <p className="mt-1 text-sm text-amber-900">本系統防護需求等級為「高」，依施行細則第10條第2項即屬核心資通系統，檢核表將以核心系統辦理。</p>
          )}
        </div>
      ))}
      <TextField
        id="riskLevel"
        label={`${RISK_LEVEL_LABEL}（選填）`}
        hint={`${RISK_LEVEL_HINT}填入「提供經商用弱點檢測軟體未含____等級風險之掃描報告」之空格；視機關資安規範要求。`}
        error={e.riskLevel?.message}
        registration={register("riskLevel")}
      />
    </StepFormShell>
  );
}
