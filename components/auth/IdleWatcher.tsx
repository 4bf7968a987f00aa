"use client";

import { useEffect } from "react";

/**
 * The server ends idle sessions; this only takes the officer to the login page when the time has
 * run out, with the reason, instead of letting the next click fail. Unsaved input stays in the
 * browser (the wizard keeps a local copy) and is offered back after login.
 */
export function IdleWatcher({ minutes }: { minutes: number }) {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const reset = () => {
      clearTimeout(timer);
      // A full load on purpose: nothing of the signed-out page stays in client memory.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      timer = setTimeout(() => window.location.assign("/login?reason=idle"), minutes * 60_000 + 5_000);
    };
    const events = ["keydown", "pointerdown", "scroll"] as const;
    events.forEach((e) => window.addEventListener(e, reset, { passive: true }));
    reset();
    return () => {
      clearTimeout(timer);
      events.forEach((e) => window.removeEventListener(e, reset));
    };
  }, [minutes]);
  return null;
}
