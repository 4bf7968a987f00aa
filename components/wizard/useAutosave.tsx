"use client";

import { useCallback, useEffect, useRef, useState } from "react";

export type TSaveResult =
  { ok: true; savedAt: string } | { ok: false; code?: string; message: string; issues: { path: string; message: string }[]; current?: unknown };
export type TSaveState = { kind: "idle" } | { kind: "saving" } | { kind: "saved"; at: string } | { kind: "error"; message: string };

/**
 * Saves the form as the officer types (debounced) and keeps a copy in localStorage until the server
 * has it, so a reload, a closed tab or a failed request loses nothing.
 */
export function useAutosave<T>(storageKey: string, values: T, save: (v: T) => Promise<TSaveResult>, paused = false, delay = 500) {
  const serialized = JSON.stringify(values);
  const lastSaved = useRef<string | null>(null);
  const [state, setState] = useState<TSaveState>({ kind: "idle" });

  const saveNow = useCallback(
    async (v: T): Promise<TSaveResult> => {
      const s = JSON.stringify(v);
      setState({ kind: "saving" });
      const r = await save(v).catch((): TSaveResult => ({
        ok: false,
        message: "無法連線到伺服器；您輸入的內容已暫存在此瀏覽器，恢復連線後會再儲存。",
        issues: [],
      }));
      if (r.ok) {
        lastSaved.current = s;
        const pending = localStorage.getItem(storageKey);
        if (pending && JSON.parse(pending).values && JSON.stringify(JSON.parse(pending).values) === s) localStorage.removeItem(storageKey);
        setState({ kind: "saved", at: r.savedAt });
      } else setState({ kind: "error", message: r.message });
      return r;
    },
    [save, storageKey],
  );

  useEffect(() => {
    if (lastSaved.current === null) {
      lastSaved.current = serialized; // what the page was rendered with is already on the server
      return;
    }
    if (serialized === lastSaved.current) return;
    localStorage.setItem(storageKey, JSON.stringify({ values: JSON.parse(serialized), at: Date.now() }));
    if (paused) return;
    const timer = setTimeout(() => void saveNow(JSON.parse(serialized) as T), delay);
    return () => clearTimeout(timer);
  }, [serialized, storageKey, delay, saveNow, paused]);

  return { state, saveNow };
}

/** Input typed here but never saved (tab closed mid-debounce, server down): offered back on return. */
export function pendingInput<T>(storageKey: string): T | null {
  try {
    const raw = localStorage.getItem(storageKey);
    return raw ? ((JSON.parse(raw) as { values: T }).values ?? null) : null;
  } catch {
    return null;
  }
}

export function SaveStatus({ state }: { state: TSaveState }) {
  const text =
    state.kind === "saving"
      ? "儲存中…"
      : state.kind === "saved"
        ? `已自動儲存（${new Date(state.at).toLocaleTimeString("zh-TW", { hourCycle: "h23" })}）`
        : state.kind === "error"
          ? state.message
          : "輸入內容會自動儲存";
  return (
    <p role="status" aria-live="polite" className={`text-sm ${state.kind === "error" ? "font-semibold text-red-700" : "text-slate-600"}`}>
      {text}
    </p>
  );
}
