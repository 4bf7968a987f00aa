"use client";

import { useEffect, useRef, useState } from "react";
import { BUTTON_QUIET } from "./styles";

/**
 * A generated password, shown this once: it lives only in this component's state, never in the page's
 * HTML or the browser's storage. Focus moves here so a screen reader announces it.
 */
export function OneTimePassword({ title, who, password, onDone }: { title: string; who: string; password: string; onDone: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => ref.current?.focus(), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(password);
      setCopied("已複製到剪貼簿。");
    } catch {
      setCopied("無法自動複製，請手動選取密碼。");
    }
  };
  return (
    <div ref={ref} tabIndex={-1} role="region" aria-label={title} className="space-y-2 rounded border border-amber-400 bg-amber-50 p-4">
      <p className="font-semibold">{title}</p>
      <p>
        {who} 的臨時密碼：
        <code data-testid="one-time-password" className="ml-1 select-all rounded bg-white px-2 py-1 font-mono text-lg tracking-wider">
          {password}
        </code>
      </p>
      <p className="text-sm text-slate-800">
        此密碼只顯示這一次，離開或重新整理本頁後即無法再查看。請以安全方式親自交付（例如當面或分開的管道），勿以同一封電子郵件寄送帳號與密碼；
        使用者第一次登入時必須變更密碼。
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={copy} className={BUTTON_QUIET}>
          複製密碼
        </button>
        <button type="button" onClick={onDone} className={BUTTON_QUIET}>
          我已記下，關閉
        </button>
        <span role="status" className="text-sm">
          {copied}
        </span>
      </div>
    </div>
  );
}
