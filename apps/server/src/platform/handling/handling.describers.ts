import { HANDLING_EXCERPT_MAX, type HandlingItem } from '@enlace/shared';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { kindRegistry } from '../registry';

/**
 * What a permission request is about, for its two parties. The handling room knows items only by
 * type and id; the capability that owns a type says what the actor of `ctx` may see of one of its
 * items (null when they may not read it: the same answer as for an item that does not exist).
 * The excerpt may be the item's whole text: it is cut here, so that no capability sends more.
 */
export type ItemDescriber = (ctx: Ctx, itemId: string) => Promise<HandlingItem | null>;

const describers = kindRegistry<ItemDescriber>('handling item describer');

/** Registers how items of `itemType` are described (once per type, at start-up). */
export function registerItemDescriber(itemType: string, describer: ItemDescriber): void {
  describers.register(itemType, describer);
}

/**
 * A text cut to `max` characters (the ellipsis included), its white space collapsed, at a word's
 * end when one is near; counted in code points, so that no character is split.
 */
export function excerptOf(text: string, max = HANDLING_EXCERPT_MAX): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const chars = [...flat];
  if (chars.length <= max) return flat;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  // A word cut is better than an excerpt shortened by a long word.
  const kept = space >= cut.length - 40 && space > 0 ? cut.slice(0, space) : cut;
  return `${kept.trimEnd()}…`;
}

/** The item as its capability describes it to the actor, or null (unknown type, not readable). */
export async function describeItem(ctx: Ctx, itemType: string, itemId: string): Promise<HandlingItem | null> {
  const describer = describers.get(itemType);
  if (!describer) return null;
  let item: HandlingItem | null;
  try {
    item = await describer(ctx, itemId);
  } catch (err) {
    // A describer that refuses by throwing (its capability's own 404 or 403) refuses all the same.
    if (err instanceof AppError && err.status < 500) return null;
    throw err;
  }
  return item && { ...item, excerpt: excerptOf(item.excerpt) };
}

/** describeItem, asked once per item for a list in which several requests name the same item. */
export function itemDescriptions(ctx: Ctx) {
  const known = new Map<string, Promise<HandlingItem | null>>();
  return (itemType: string, itemId: string) => {
    const key = `${itemType}\u0000${itemId}`;
    let found = known.get(key);
    if (!found) {
      found = describeItem(ctx, itemType, itemId);
      known.set(key, found);
    }
    return found;
  };
}
