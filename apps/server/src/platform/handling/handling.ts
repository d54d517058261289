import {
  type HandlingAction,
  type HandlingCodes,
  type HandlingRefusal,
  RESERVED_ACTIONS,
} from '@enlace/shared';

/** A coded item as the handling room sees it: its codes and who provided it. */
export interface CodedItem {
  /** The capability's kind of item ('exchange_message') and its id. */
  type: string;
  id: string;
  codes: HandlingCodes;
  /** The provider: the user who gave the item its codes. They decide on reserved actions. */
  originatorId: string;
}

/** A permission the provider was asked for, as far as deciding needs it. */
export interface PermissionState {
  action: string;
  target: string | null;
  requestedBy: string;
  status: string;
}

export type HandlingDecision =
  | { allowed: true; reserved: boolean }
  | { allowed: false; reason: HandlingRefusal; mayRequest: boolean };

/**
 * May this actor do this with this coded item? The one answer every service asks before it
 * shows, forwards, exports or puts in court a coded item (the capability has already checked
 * that the actor may see the item at all). Pure: the permissions are passed in.
 *
 * An action the code reserves (RESERVED_ACTIONS) needs the provider's recorded permission for this
 * requester, and for this destination when the action has one (a permission with no target covers
 * every destination). The provider may always act on their own item.
 */
export function decideHandling(
  actorId: string,
  item: CodedItem,
  action: HandlingAction,
  permissions: readonly PermissionState[],
  target: string | null = null,
): HandlingDecision {
  const reserved = RESERVED_ACTIONS[item.codes.handling].includes(action);
  if (!reserved || actorId === item.originatorId) return { allowed: true, reserved };
  const mine = permissions.filter(
    (p) => p.requestedBy === actorId && p.action === action && (p.target === null || p.target === target),
  );
  if (mine.some((p) => p.status === 'granted')) return { allowed: true, reserved };
  if (mine.some((p) => p.status === 'pending'))
    return { allowed: false, reason: 'permission_pending', mayRequest: false };
  if (mine.some((p) => p.status === 'refused'))
    return { allowed: false, reason: 'permission_refused', mayRequest: true };
  return { allowed: false, reason: 'needs_permission', mayRequest: true };
}

/** Every action's answer at once: the abilities a capability sends with a coded item. */
export function handlingAbilities(
  actorId: string,
  item: CodedItem,
  permissions: readonly PermissionState[],
): Record<HandlingAction, HandlingDecision> {
  return {
    view: decideHandling(actorId, item, 'view', permissions),
    forward: decideHandling(actorId, item, 'forward', permissions),
    export: decideHandling(actorId, item, 'export', permissions),
    court: decideHandling(actorId, item, 'court', permissions),
  };
}
