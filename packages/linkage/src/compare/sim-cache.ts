// A direct-mapped cache of similarities between two ids below 2^26: fixed size, no allocation,
// a colliding entry simply overwrites the old one. Key and value sit side by side so a lookup
// touches one cache line. (A JavaScript Map keyed by id pairs was slower than recomputing
// Jaro-Winkler once it held millions of entries.)

export class SimCache {
  private readonly data: Float64Array;
  private readonly mask: number;

  constructor(bits = 18) {
    const size = 1 << bits;
    this.mask = size - 1;
    this.data = new Float64Array(size * 2).fill(-1);
  }

  private slot(lo: number, hi: number): number {
    return ((Math.imul(lo, 0x9e3779b1) ^ Math.imul(hi, 0x85ebca77)) & this.mask) << 1;
  }

  /** The cached similarity of (lo, hi), or -1. */
  get(lo: number, hi: number): number {
    const s = this.slot(lo, hi);
    return this.data[s] === lo * 67108864 + hi ? (this.data[s + 1] ?? -1) : -1;
  }

  set(lo: number, hi: number, value: number): void {
    const s = this.slot(lo, hi);
    this.data[s] = lo * 67108864 + hi;
    this.data[s + 1] = value;
  }
}
