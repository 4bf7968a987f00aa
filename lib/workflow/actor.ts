import { z } from "zod";
import { ROLES, type TActor as TAuthActor } from "../auth/roles";

// Roles live with accounts (lib/auth/roles.ts); the workflow only needs who, where and which roles.
export { ROLES, ROLE_LABEL, parseRoles, type TRole } from "../auth/roles";
export const ZRole = z.enum(ROLES);

/** Who is acting, as the session resolves it on the server (never as the browser claims). */
export const ZActor = z.object({ id: z.string().min(1), agencyId: z.string().min(1), roles: z.array(ZRole) });
export type TActor = Pick<TAuthActor, "id" | "agencyId" | "roles">;
