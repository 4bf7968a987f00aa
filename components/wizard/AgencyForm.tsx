"use client";

import { LEVELS, SECTORS, SECTOR_LABEL, ZAgencyStep, type TAnswers } from "@/lib/cases/answers";
import { ChoiceGroup, TextField, YES_NO } from "./fields";
import { ConflictPanel, StepFormShell, useStepForm, type TSaveAction } from "./StepForm";

// 資通安全責任等級分級辦法 §4–§8 (115-01-07), summarised in one line each.
const LEVEL_HINT: Record<(typeof LEVELS)[number], string> = {
  A: "A 級：業務涉及國家機密、外交國防、全國性民眾服務或全國性個資、全國性關鍵基礎設施，或公立醫學中心（§4）",
  B: "B 級：區域性或地區性民眾服務或個資、中央二級機關共用系統、區域性關鍵基礎設施，或公立區域／地區醫院（§5）",
  C: "C 級：維運自行或委外設置、開發之資通系統（§6）",
  D: "D 級：自行辦理資通業務，未維運自行或委外設置、開發之資通系統（§7）",
  E: "E 級：無資通系統且未提供資通服務，或資通業務全由上級或監督機關兼辦、代管（§8）",
};

export function AgencyForm({ caseId, initial, save, nextHref, readOnly = false }: { caseId: string; initial: TAnswers["agency"]; save: TSaveAction; nextHref: string; readOnly?: boolean }) {
  const { form, autosave, restored, onNext, conflict, keepMine, takeTheirs } = useStepForm({ caseId, step: "agency", initial, schema: ZAgencyStep, save, nextHref });
  const { register, formState } = form;
  const e = formState.errors;
  return (
    <StepFormShell onSubmit={onNext} errors={e} submitted={formState.isSubmitted} state={autosave.state} restored={restored} readOnly={readOnly} conflict={conflict && <ConflictPanel conflict={conflict} mine={form.getValues()} onKeepMine={keepMine} onTakeTheirs={takeTheirs} />}>
      <TextField id="agencyName" label="機關名稱" error={e.agencyName?.message} registration={register("agencyName")} autoComplete="organization" />
      <TextField id="officerName" label="承辦人姓名" hint="記錄在您的每一項決定上。" error={e.officerName?.message} registration={register("officerName")} autoComplete="name" />
      <ChoiceGroup
        id="responsibilityLevel"
        legend="機關的資通安全責任等級"
        hint="依資通安全責任等級分級辦法第4條至第8條核定之等級。"
        options={LEVELS.map((l) => ({ value: l, label: `${l} 級`, hint: LEVEL_HINT[l] }))}
        error={e.responsibilityLevel?.message}
        registration={register("responsibilityLevel")}
      />
      <ChoiceGroup
        id="sector"
        legend="機關類別"
        hint="決定規劃及維運服務應遵循的資安規範體系。"
        options={SECTORS.map((s) => ({ value: s, label: SECTOR_LABEL[s] }))}
        error={e.sector?.message}
        registration={register("sector")}
        inline
      />
      <ChoiceGroup
        id="mailServer"
        legend="機關是否自行維運郵件伺服器？"
        hint="具有郵件伺服器者，應備電子郵件過濾機制。"
        options={YES_NO}
        error={e.mailServer?.message}
        registration={register("mailServer")}
        inline
      />
    </StepFormShell>
  );
}
