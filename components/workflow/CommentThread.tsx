import { taipeiTime } from "@/lib/time";

export type TThreadEntry = { at: Date; who: string; role: "ciso" | "officer"; text: string };

/** An item's comment thread (the CISO's verdicts and the officer's answers), oldest first. */
export function CommentThread({ thread, className = "" }: { thread: readonly TThreadEntry[]; className?: string }) {
  return (
    <ol className={`space-y-1 border-l-2 border-slate-300 pl-3 ${className}`}>
      {thread.map((t, n) => (
        <li key={n}>
          <span className="text-slate-600">
            {taipeiTime(t.at, "short")} {t.who}（{t.role === "ciso" ? "資安長" : "承辦人"}）：
          </span>
          {t.text}
        </li>
      ))}
    </ol>
  );
}
