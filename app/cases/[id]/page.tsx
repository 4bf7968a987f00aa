import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { caseLanding } from "@/lib/cases/store";
import { requireUser } from "../../_server/auth";

export const dynamic = "force-dynamic";

/** A case opens where its viewer has something to do (lib/cases/store.ts caseLanding). */
export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const user = await requireUser();
  const landing = await caseLanding(db(), id, user);
  if (!landing) notFound();
  redirect(`/cases/${id}/${landing}`);
}
