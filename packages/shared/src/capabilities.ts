import type { Permission } from './permissions';

/** The 13 capabilities of DESIGN.md, in its order; each room opens to the holders of its permission. */
export const CAPABILITIES = [
  { key: 'directory', permission: 'directory.read', path: '/directory' },
  { key: 'exchange', permission: 'exchange.use', path: '/exchange' },
  { key: 'mla', permission: 'mla.use', path: '/mla' },
  { key: 'incidents', permission: 'incidents.read', path: '/incidents' },
  { key: 'stats', permission: 'stats.read', path: '/stats' },
  { key: 'registry', permission: 'registry.read', path: '/registry' },
  { key: 'protection', permission: 'protection.read', path: '/protection' },
  { key: 'identity', permission: 'identity.use', path: '/identity' },
  { key: 'network', permission: 'network.read', path: '/network' },
  { key: 'library', permission: 'library.read', path: '/library' },
  { key: 'workplan', permission: 'workplan.read', path: '/workplan' },
  { key: 'training', permission: 'training.read', path: '/training' },
  { key: 'portal', permission: 'portal.manage', path: '/portal' },
] as const satisfies readonly { key: string; permission: Permission; path: string }[];

export type CapabilityKey = (typeof CAPABILITIES)[number]['key'];
