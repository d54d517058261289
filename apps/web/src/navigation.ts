import { CAPABILITIES, can, type Permission, type Role } from '@enlace/shared';

/**
 * Administration screens and the permission that opens each. Agencies need `agencies.manage`
 * (not `.read`, which operational roles hold to pick an agency in forms).
 */
export const ADMIN_PAGES = [
  { key: 'users', path: '/admin/users', permission: 'users.read' },
  { key: 'agencies', path: '/admin/agencies', permission: 'agencies.manage' },
  { key: 'countries', path: '/admin/countries', permission: 'countries.read' },
] as const satisfies readonly { key: string; path: string; permission: Permission }[];

export type AdminPageKey = (typeof ADMIN_PAGES)[number]['key'];

export function capabilitiesFor(role: Role) {
  return CAPABILITIES.filter((c) => can(role, c.permission));
}

export function adminPagesFor(role: Role) {
  return ADMIN_PAGES.filter((p) => can(role, p.permission));
}
