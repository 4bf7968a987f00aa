import { db } from "@/lib/db/client";
import { calendarFeed } from "@/lib/contracts/store";
import { apiRoute } from "@/lib/http/route";

/**
 * GET /api/calendar/:token — the user's contract calendar (ICS) for Outlook or Google Calendar. No session:
 * the secret token in the URL is the credential (regenerated on /account/calendar; only its hash is stored).
 */
export const GET = apiRoute<[{ params: Promise<{ token: string }> }]>(
  async (_request, ctx) => {
    const { token } = await ctx.params;
    const text = await calendarFeed(db(), token.replace(/\.ics$/, ""));
    return new Response(text, {
      headers: { "content-type": "text/calendar; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" },
    });
  },
  undefined,
  "text",
);
