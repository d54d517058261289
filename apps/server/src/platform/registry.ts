/**
 * One entry per kind of object, registered at start-up by the capability that owns the kind: the
 * way a platform room asks a capability about its objects (who may read a file's owner, what a
 * coded item is about) without importing it.
 */
export function kindRegistry<T>(what: string) {
  const byKind = new Map<string, T>();
  return {
    /** Once per kind; registering the same entry again (a module loaded twice) is harmless. */
    register(kind: string, entry: T): void {
      const known = byKind.get(kind);
      if (known && known !== entry) throw new Error(`${what} already registered: ${kind}`);
      byKind.set(kind, entry);
    },
    get: (kind: string): T | undefined => byKind.get(kind),
    has: (kind: string): boolean => byKind.has(kind),
  };
}
