// The button looks of the existing pages (app/cases/page.tsx, components/wizard), named once for the admin area.
export const BUTTON = "rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60";
export const BUTTON_SMALL = "rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60";
export const BUTTON_QUIET = "rounded border border-slate-400 bg-white px-3 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-60";
export const BUTTON_DANGER = "rounded border border-red-700 bg-white px-3 py-1.5 text-sm font-semibold text-red-800 hover:bg-red-50 disabled:opacity-60";
export const INPUT = "mt-1 w-full max-w-xl rounded border px-3 py-2";
