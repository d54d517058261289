import { CAPABILITIES, type CapabilityKey, can, type Permission, type Role } from '@enlace/shared';

/**
 * Administration screens and the permission that opens each. Agencies need `agencies.manage`
 * (not `.read`, which operational roles hold to pick an agency in forms).
 */
export const ADMIN_PAGES = [
  { key: 'users', path: '/admin/users', permission: 'users.read' },
  { key: 'agencies', path: '/admin/agencies', permission: 'agencies.manage' },
  { key: 'countries', path: '/admin/countries', permission: 'countries.read' },
  { key: 'vocabularies', path: '/admin/vocabularies', permission: 'vocabularies.manage' },
  { key: 'audit', path: '/admin/audit', permission: 'audit.read' },
] as const satisfies readonly { key: string; path: string; permission: Permission }[];

export type AdminPageKey = (typeof ADMIN_PAGES)[number]['key'];

/** Capabilities that have their workspace; the others still show their room. */
export const BUILT_CAPABILITIES: ReadonlySet<CapabilityKey> = new Set<CapabilityKey>([
  'incidents',
  'stats',
  'directory',
  'exchange',
  'registry',
]);

/**
 * The screens of a built capability, each opened by its own permission: a prosecutor reads cases
 * without reading incidents, and the network administrator imports Missing Migrants data without
 * reading any country's incident reports.
 */
export const SECTIONS = {
  incidents: [
    { key: 'incidents', path: '/incidents', permission: 'incidents.read' },
    { key: 'cases', path: '/cases', permission: 'cases.read' },
    { key: 'import', path: '/incidents/import', permission: 'incidents.import' },
  ],
  stats: [
    { key: 'dashboard', path: '/stats', permission: 'stats.read' },
    { key: 'map', path: '/stats/map', permission: 'stats.read' },
    { key: 'databases', path: '/stats/databases', permission: 'stats.read' },
  ],
  exchange: [
    { key: 'inbox', path: '/exchange', permission: 'exchange.use' },
    { key: 'requests', path: '/exchange/requests', permission: 'exchange.use' },
  ],
  registry: [
    { key: 'registrySearch', path: '/registry', permission: 'registry.read' },
    { key: 'registryCentres', path: '/registry/centres', permission: 'registry.read' },
    { key: 'registryChecks', path: '/registry/release-checks', permission: 'registry.supervise' },
    { key: 'registryDuplicates', path: '/registry/duplicates', permission: 'registry.read' },
    {
      key: 'registryDiscrepancies',
      path: '/registry/belongings/discrepancies',
      permission: 'registry.supervise',
    },
    { key: 'registryShares', path: '/registry/shares', permission: 'registry.read' },
    { key: 'registryCrisis', path: '/registry/crisis', permission: 'registry.read' },
    { key: 'registryRegional', path: '/registry/regional', permission: 'registry.read' },
  ],
} as const satisfies Partial<
  Record<CapabilityKey, readonly { key: string; path: string; permission: Permission }[]>
>;

export type SectionGroup = keyof typeof SECTIONS;
export type Section = (typeof SECTIONS)[SectionGroup][number];

export function sectionsFor(role: Role, group: SectionGroup): Section[] {
  return SECTIONS[group].filter((s) => can(role, s.permission));
}

function hasSections(key: CapabilityKey): key is SectionGroup {
  return key in SECTIONS;
}

export function capabilitiesFor(role: Role) {
  return CAPABILITIES.filter(
    (c) => can(role, c.permission) || (hasSections(c.key) && sectionsFor(role, c.key).length > 0),
  );
}

/** Where a capability's link leads a role: its first screen that the role may open. */
export function capabilityPath(role: Role, key: CapabilityKey, fallback: string): string {
  return hasSections(key) ? (sectionsFor(role, key)[0]?.path ?? fallback) : fallback;
}

/** The paths under which a capability's screens live, to mark its link as current. */
export function capabilityPaths(key: CapabilityKey, path: string): string[] {
  return hasSections(key) ? SECTIONS[key].map((s) => s.path) : [path];
}

export function adminPagesFor(role: Role) {
  return ADMIN_PAGES.filter((p) => can(role, p.permission));
}
