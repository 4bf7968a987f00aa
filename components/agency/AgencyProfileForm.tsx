"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import {
  AGENCY_KIND_LABEL,
  AGENCY_KINDS,
  AGENCY_SECTOR_LABEL,
  AGENCY_SECTORS,
  LEVEL_BASES,
  LEVEL_BASIS_LABEL,
  PROFILE_FIELD_LABEL,
  PROFILE_FIELDS,
  PROFILE_LEVELS,
  type TAgencyProfile,
} from "@/lib/agency/profile";
import { FieldError } from "../ui/FieldError";
import { fieldErrors, OFFLINE, type TAdminAction } from "../admin/result";
import { BUTTON, BUTTON_QUIET, INPUT } from "../admin/styles";

type TField = (typeof PROFILE_FIELDS)[number];
type TValues = Record<TField, string>;
type TCovered = Record<string, string>;
type TSent = TValues & { coveredMeasures: { measure: string; reference: string }[] };
type TAffected = { id: string; title: string; changes: string[] }[];
type TSave = (values: TSent, profileVersion: number) => ReturnType<TAdminAction<unknown, { changed: boolean; profileVersion: number; affected: TAffected }>>;

const yesNo = (b: boolean | null) => (b === true ? "yes" : b === false ? "no" : "");
const toValues = (p: TAgencyProfile): TValues => ({ ...p, ciProvider: yesNo(p.ciProvider), mailServer: yesNo(p.mailServer) });

const YES_NO = [
  { value: "yes", label: "是" },
  { value: "no", label: "否" },
];
const CHOICES: Partial<Record<TField, { value: string; label: string }[]>> = {
  agencyKind: AGENCY_KINDS.map((k) => ({ value: k, label: AGENCY_KIND_LABEL[k] })),
  ciProvider: YES_NO,
  sector: AGENCY_SECTORS.map((s) => ({ value: s, label: AGENCY_SECTOR_LABEL[s] })),
  responsibilityLevel: PROFILE_LEVELS.map((l) => ({ value: l, label: `${l} 級` })),
  levelBasis: LEVEL_BASES.map((b) => ({ value: b, label: LEVEL_BASIS_LABEL[b] })),
  mailServer: YES_NO,
};
const HINT: Partial<Record<TField, string>> = {
  name: "機關的正式全銜，會印在需求規範與契約條款上。",
  agencyKind: "資通安全管理法的適用對象：公務機關或特定非公務機關。",
  responsibilityLevel: "依資通安全責任等級分級辦法第4條至第8條核定（或提交）的等級；決定本機關應辦的 ▲ 事項。",
  levelDate: "格式 YYYY-MM-DD。",
  mailServer: "具有郵件伺服器者，應備電子郵件過濾機制。",
};
const coveredOf = (p: TAgencyProfile): TCovered => Object.fromEntries(p.coveredMeasures.map((c) => [c.measure, c.reference]));
const coveredList = (c: TCovered) =>
  Object.entries(c)
    .filter(([, reference]) => reference.trim())
    .map(([measure, reference]) => ({ measure, reference }));
const shown = (f: TField, v: string) => CHOICES[f]?.find((c) => c.value === v)?.label ?? (v || "（未填）");

/**
 * The agency profile. What the admin typed stays in the form whatever the server answers; a save over a
 * newer stored profile is refused, the stored values are shown beside, and the admin chooses.
 */
export function AgencyProfileForm({
  initial,
  profileVersion,
  save,
  affected: initialAffected,
  measures,
}: {
  initial: TAgencyProfile;
  profileVersion: number;
  save: TSave;
  affected: TAffected;
  /** The ▲ measures an agency-wide contract may cover (key, the ▲ table's name). */
  measures: { key: string; name: string }[];
}) {
  const router = useRouter();
  const [values, setValues] = useState<TValues>(() => toValues(initial));
  const [covered, setCovered] = useState<TCovered>(() => coveredOf(initial));
  const [coveredErrors, setCoveredErrors] = useState<Record<string, string>>({});
  const [base, setBase] = useState(profileVersion);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [affected, setAffected] = useState<TAffected>(initialAffected);
  const [busy, setBusy] = useState(false);
  const stored = toValues(initial);
  const storedCovered = coveredOf(initial);
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (Object.keys(errors).length) summary.current?.focus();
  }, [errors]);

  const submit = async (version: number) => {
    setBusy(true);
    setMessage(null);
    const sent = coveredList(covered);
    const r = await save({ ...values, coveredMeasures: sent }, version).catch(() => OFFLINE);
    setBusy(false);
    if (r.ok) {
      setErrors({});
      setCoveredErrors({});
      setConflict(false);
      setBase(r.profileVersion);
      setAffected(r.affected);
      setMessage(r.changed ? "已儲存機關資料。" : "機關資料未變更。");
      router.refresh();
      return;
    }
    if (r.code === "conflict" && r.issues.length === 0) {
      // Fetch the stored profile (new props); the typed values stay in this component's state.
      setConflict(true);
      setMessage(r.message);
      router.refresh();
      return;
    }
    setErrors(fieldErrors(r.issues));
    // "coveredMeasures.<i>.reference" → the measure sent at i.
    const byMeasure: Record<string, string> = {};
    for (const issue of r.issues) {
      const m = /^coveredMeasures\.(\d+)/.exec(issue.path);
      const key = m ? sent[Number(m[1])]?.measure : undefined;
      if (key) byMeasure[key] ??= issue.message;
    }
    setCoveredErrors(byMeasure);
    setMessage(r.issues.length ? "請依欄位訊息修正後再儲存。" : r.message);
  };

  const set = (f: TField) => (e: React.ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [f]: e.target.value }));
  const describedBy = (f: TField) => [HINT[f] ? `profile-${f}-hint` : null, errors[f] ? `profile-${f}-error` : null].filter(Boolean).join(" ") || undefined;
  const differs = PROFILE_FIELDS.filter((f) => values[f] !== stored[f]);
  const coveredDiffers = measures.filter((m) => (covered[m.key] ?? "").trim() !== (storedCovered[m.key] ?? ""));

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit(base);
      }}
      className="max-w-3xl space-y-5 rounded-lg border border-slate-200 bg-white p-5"
    >
      {Object.keys(errors).length > 0 && (
        <div ref={summary} tabIndex={-1} role="alert" className="rounded border border-red-700 bg-red-50 p-3">
          <p className="font-semibold">尚有 {Object.keys(errors).length} 個欄位需要修正：</p>
          <ul className="list-disc pl-6">
            {PROFILE_FIELDS.filter((f) => errors[f]).map((f) => (
              <li key={f}>
                <a href={`#profile-${f}`} className="underline">
                  {PROFILE_FIELD_LABEL[f]}
                </a>
                ：{errors[f]}
              </li>
            ))}
            {errors.coveredMeasures && (
              <li>
                <a href="#profile-coveredMeasures" className="underline">
                  {PROFILE_FIELD_LABEL.coveredMeasures}
                </a>
                ：{errors.coveredMeasures}
              </li>
            )}
          </ul>
        </div>
      )}
      {PROFILE_FIELDS.map((f) => {
        const choices = CHOICES[f];
        if (choices)
          return (
            <fieldset key={f} id={`profile-${f}`} aria-describedby={describedBy(f)} aria-invalid={errors[f] ? true : undefined} className="space-y-1">
              <legend className="font-semibold">{PROFILE_FIELD_LABEL[f]}</legend>
              {HINT[f] && (
                <p id={`profile-${f}-hint`} className="text-sm text-slate-600">
                  {HINT[f]}
                </p>
              )}
              <div className="flex flex-wrap gap-x-5 gap-y-1">
                {choices.map((c) => (
                  <label key={c.value} className="flex items-center gap-2">
                    <input type="radio" name={f} value={c.value} checked={values[f] === c.value} onChange={set(f)} />
                    {c.label}
                  </label>
                ))}
              </div>
              <FieldError id={`profile-${f}-error`} message={errors[f]} />
            </fieldset>
          );
        return (
          <div key={f}>
            <label htmlFor={`profile-${f}`} className="block font-semibold">
              {PROFILE_FIELD_LABEL[f]}
            </label>
            {HINT[f] && (
              <p id={`profile-${f}-hint`} className="text-sm text-slate-600">
                {HINT[f]}
              </p>
            )}
            <input
              id={`profile-${f}`}
              type={f === "levelDate" ? "date" : "text"}
              value={values[f]}
              onChange={set(f)}
              autoComplete={f === "name" ? "organization" : "off"}
              aria-invalid={errors[f] ? true : undefined}
              aria-describedby={describedBy(f)}
              className={`${INPUT} ${errors[f] ? "border-red-700" : "border-slate-400"}`}
            />
            <FieldError id={`profile-${f}-error`} message={errors[f]} />
          </div>
        );
      })}
      {measures.length > 0 && (
        <fieldset id="profile-coveredMeasures" aria-describedby="profile-coveredMeasures-hint" className="space-y-2">
          <legend className="font-semibold">{PROFILE_FIELD_LABEL.coveredMeasures}</legend>
          <p id="profile-coveredMeasures-hint" className="text-sm text-slate-600">
            本機關已以全機關契約辦理的 ▲ 事項（例如全機關 SOC 或 EDR
            契約），請填該契約的名稱或案號；未辦理者留空。案件會對這些事項建議「另案辦理」並帶入此契約（一覽表：經確認納入他案辦理者，本案免辦）。
          </p>
          <div className="grid gap-2 sm:grid-cols-2">
            {measures.map((m) => (
              <div key={m.key}>
                <label htmlFor={`covered-${m.key}`} className="block text-sm">
                  {m.name}
                </label>
                <input
                  id={`covered-${m.key}`}
                  type="text"
                  value={covered[m.key] ?? ""}
                  onChange={(e) => setCovered((c) => ({ ...c, [m.key]: e.target.value }))}
                  placeholder="全機關契約名稱或案號"
                  autoComplete="off"
                  aria-invalid={coveredErrors[m.key] ? true : undefined}
                  aria-describedby={coveredErrors[m.key] ? `covered-${m.key}-error` : undefined}
                  className={`${INPUT} ${coveredErrors[m.key] ? "border-red-700" : "border-slate-400"}`}
                />
                <FieldError id={`covered-${m.key}-error`} message={coveredErrors[m.key]} />
              </div>
            ))}
          </div>
        </fieldset>
      )}
      {conflict && (
        <section aria-labelledby="profile-conflict" className="space-y-2 rounded border border-amber-400 bg-amber-50 p-4">
          <h2 id="profile-conflict" className="font-semibold">
            另一位管理者已先儲存；目前儲存的內容與您輸入的不同處：
          </h2>
          {differs.length || coveredDiffers.length ? (
            <ul className="list-disc pl-6">
              {differs.map((f) => (
                <li key={f}>
                  {PROFILE_FIELD_LABEL[f]}：已儲存「{shown(f, stored[f])}」，您輸入「{shown(f, values[f])}」
                </li>
              ))}
              {coveredDiffers.map((m) => (
                <li key={m.key}>
                  {PROFILE_FIELD_LABEL.coveredMeasures}—{m.name}：已儲存「{storedCovered[m.key] || "（未填）"}」，您輸入「{covered[m.key]?.trim() || "（未填）"}
                  」
                </li>
              ))}
            </ul>
          ) : (
            <p>兩者相同。</p>
          )}
          <div className="flex flex-wrap gap-3">
            <button type="button" disabled={busy} className={BUTTON_QUIET} onClick={() => void submit(profileVersion)}>
              以我輸入的內容覆寫
            </button>
            <button
              type="button"
              disabled={busy}
              className={BUTTON_QUIET}
              onClick={() => {
                setValues(stored);
                setCovered(storedCovered);
                setBase(profileVersion);
                setConflict(false);
                setMessage("已改用目前儲存的內容。");
              }}
            >
              改用已儲存的內容
            </button>
          </div>
        </section>
      )}
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" disabled={busy} className={BUTTON}>
          {busy ? "儲存中…" : "儲存機關資料"}
        </button>
        <span role="status" className={conflict || Object.keys(errors).length ? "text-red-800" : "text-emerald-800"}>
          {message}
        </span>
      </div>
      {affected.length > 0 && (
        <section aria-labelledby="profile-affected" className="space-y-2 rounded border border-sky-300 bg-sky-50 p-4">
          <h2 id="profile-affected" className="font-semibold">
            受影響的未送審案件（{affected.length} 件，將依新的機關資料重新產出檢核表；承辦人會在檢視步驟看到變更）
          </h2>
          <ul className="list-disc pl-6">
            {affected.map((a) => (
              <li key={a.id}>
                <Link href={`/cases/${a.id}/review`} className="text-brand-700 underline">
                  {a.title || "（未命名案件）"}
                </Link>
                ：{a.changes.join("；")}
              </li>
            ))}
          </ul>
        </section>
      )}
    </form>
  );
}
