import type { ComponentProps, ReactNode } from "react";
import { CaseStatusBanner } from "./CaseStatusBanner";

/** The head of a case's pages: which case, a note, its status banner (the page's buttons in it), the page title. */
export function CaseHeader({
  caption,
  title,
  banner,
  note,
  below,
  children,
}: {
  caption: ReactNode;
  title: ReactNode;
  banner: Omit<ComponentProps<typeof CaseStatusBanner>, "children">;
  /** Between the caption and the banner. */
  note?: ReactNode;
  /** Between the banner and the title. */
  below?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <header className="space-y-3">
      <p className="text-sm text-slate-600">{caption}</p>
      {note}
      <CaseStatusBanner {...banner}>{children}</CaseStatusBanner>
      {below}
      <h1 className="text-2xl font-bold">{title}</h1>
    </header>
  );
}
