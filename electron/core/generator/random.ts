// A small seeded PRNG (sfc32) and the draws the generator needs, so the same seed always yields the same court.

/** splitmix32: spreads one integer seed over sfc32's four words, so seeds 1 and 2 give unrelated streams. */
function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class Random {
  /** sfc32's four words, in a typed array: as object fields, uint32 values would be boxed on every store. */
  private readonly s = new Int32Array(4);
  private spareNormal = NaN;

  /** stream separates independent sequences drawn from one seed (staff vs cases), so changing one leaves the other alone. */
  constructor(seed: number, stream = 0) {
    const mix = splitmix32((Math.floor(seed) ^ Math.imul(stream + 1, 0x27d4eb2f)) >>> 0);
    for (let i = 0; i < 4; i++) this.s[i] = mix();
    // sfc32's first outputs are still correlated with the seed words.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const s = this.s;
    const a = s[0];
    const b = s[1];
    const c = s[2];
    const d = s[3];
    const t = (((a + b) | 0) + d) | 0;
    s[3] = (d + 1) | 0;
    s[0] = b ^ (b >>> 9);
    s[1] = (c + (c << 3)) | 0;
    s[2] = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Integer in [lo, hi], both ends included. */
  range(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Standard normal (Box–Muller, the second value kept for the next call). */
  normal(): number {
    if (!Number.isNaN(this.spareNormal)) {
      const v = this.spareNormal;
      this.spareNormal = NaN;
      return v;
    }
    let u = this.next();
    while (u === 0) u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** exp(N(mu, sigma)): amounts and workloads are skewed, a few very large. */
  logNormal(mu: number, sigma: number): number {
    return Math.exp(mu + sigma * this.normal());
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  /** Mean of two uniforms on [lo, hi]: a tent shape, durations cluster mid-range rather than spread flat. */
  tent(lo: number, hi: number): number {
    return lo + ((this.next() + this.next()) / 2) * (hi - lo);
  }
}

/** A precomputed weighted choice: cumulative weights searched by bisection, no allocation per draw. */
export class Weighted<T> {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length === 0 || items.length !== weights.length) throw new Error('Weighted: items and weights must match and not be empty');
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      if (!(weights[i] >= 0)) throw new Error('Weighted: weights must be non-negative');
      sum += weights[i];
      this.cumulative[i] = sum;
    }
    if (!(sum > 0)) throw new Error('Weighted: weights sum to zero');
    this.total = sum;
  }

  static of<T>(pairs: ReadonlyArray<readonly [T, number]>): Weighted<T> {
    return new Weighted(
      pairs.map((p) => p[0]),
      pairs.map((p) => p[1]),
    );
  }

  pickIndex(rng: Random): number {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  pick(rng: Random): T {
    return this.items[this.pickIndex(rng)];
  }
}
