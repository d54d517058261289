/**
 * The one permission catalogue, imported by the server (route declarations, service checks)
 * and by the web app (navigation). A role's permissions are listed here and nowhere else.
 */
export const PERMISSIONS = [
  'users.read',
  'users.manage',
  'agencies.read',
  'agencies.manage',
  'countries.read',
  'countries.manage',
  'audit.read',
  'directory.read',
  'directory.manage',
  'exchange.use',
  'mla.use',
  'incidents.read',
  'incidents.write',
  'incidents.import',
  'incidents.export',
  'cases.read',
  'cases.write',
  'cases.share',
  'stats.read',
  'stats.detail',
  'databases.manage',
  'vocabularies.manage',
  'registry.read',
  'registry.write',
  'registry.supervise',
  'protection.read',
  'identity.use',
  'network.read',
  'library.read',
  'workplan.read',
  'training.read',
  'portal.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = [
  'network_admin',
  'country_admin',
  'liaison_officer',
  'prosecutor',
  'analyst',
  'centre_officer',
  'centre_supervisor',
  'protection_officer',
  'observer',
] as const;
export type Role = (typeof ROLES)[number];

/** Where a role's reach ends: its own country, or every country (the regional secretariat). */
export type Scope = 'country' | 'all';

const common: Permission[] = ['directory.read', 'library.read', 'workplan.read', 'training.read'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  network_admin: [
    ...common,
    'directory.manage',
    'users.read',
    'users.manage',
    'agencies.read',
    'agencies.manage',
    'countries.read',
    'countries.manage',
    'audit.read',
    'stats.read',
    'stats.detail',
    'databases.manage',
    'vocabularies.manage',
    'incidents.import',
    'portal.manage',
  ],
  country_admin: [
    ...common,
    'directory.manage',
    'users.read',
    'users.manage',
    'agencies.read',
    'agencies.manage',
    'countries.read',
    'audit.read',
    'incidents.read',
    'incidents.write',
    'incidents.import',
    'incidents.export',
    'stats.read',
    'stats.detail',
    'databases.manage',
  ],
  liaison_officer: [
    ...common,
    'agencies.read',
    'exchange.use',
    'mla.use',
    'incidents.read',
    'incidents.write',
    'incidents.import',
    'incidents.export',
    'cases.read',
    'stats.read',
    'stats.detail',
    'identity.use',
  ],
  prosecutor: [
    ...common,
    'agencies.read',
    'exchange.use',
    'mla.use',
    'cases.read',
    'cases.write',
    'cases.share',
    'stats.read',
    'stats.detail',
  ],
  analyst: [
    ...common,
    'agencies.read',
    'exchange.use',
    'incidents.read',
    'incidents.write',
    'incidents.import',
    'incidents.export',
    'cases.read',
    'cases.write',
    'stats.read',
    'stats.detail',
    'databases.manage',
    'network.read',
    'identity.use',
  ],
  centre_officer: [...common, 'registry.read', 'registry.write', 'identity.use', 'stats.read'],
  // Resolves what an officer may not decide alone (a release stopped by the identity check).
  centre_supervisor: [
    ...common,
    'registry.read',
    'registry.write',
    'registry.supervise',
    'identity.use',
    'stats.read',
    // The binational alert of a crisis level 3 or 4 (action 9, footnote 20) is an exchange thread.
    'exchange.use',
  ],
  protection_officer: [...common, 'registry.read', 'protection.read', 'stats.read'],
  observer: ['library.read', 'workplan.read', 'training.read', 'stats.read'],
};

export const ROLE_SCOPE: Record<Role, Scope> = {
  network_admin: 'all',
  country_admin: 'country',
  liaison_officer: 'country',
  prosecutor: 'country',
  analyst: 'country',
  centre_officer: 'country',
  centre_supervisor: 'country',
  protection_officer: 'country',
  observer: 'country',
};

/** Roles that hold personal or operational data and so must use multi-factor sign-in in production. */
export const STAFF_ROLES: readonly Role[] = ROLES;

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Which roles a country administrator may hand out (never network administrator). */
export function assignableRoles(actorRole: Role): readonly Role[] {
  if (actorRole === 'network_admin') return ROLES;
  if (actorRole === 'country_admin') return ROLES.filter((r) => r !== 'network_admin');
  return [];
}
