import type { Id } from '../domain/types';

// Seeded randomness: every choice the sample clinic makes comes from here.

/** mulberry32: tiny, fast and good enough for sample data; never used for anything secret. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

export class Random {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** A whole number from min to max, both included. */
  int(min: number, max: number): number {
    return max <= min ? min : min + Math.floor(this.next() * (max - min + 1));
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of entries) total += weight;
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }
  /** A version-4-shaped UUID drawn from the seeded stream. */
  uuid(): Id {
    const bytes: string[] = [];
    for (let word = 0; word < 4; word++) {
      const value = Math.floor(this.next() * 4_294_967_296);
      bytes.push(
        HEX[value >>> 24]!,
        HEX[(value >>> 16) & 255]!,
        HEX[(value >>> 8) & 255]!,
        HEX[value & 255]!,
      );
    }
    bytes[6] = HEX[(Number.parseInt(bytes[6]!, 16) & 0x0f) | 0x40]!;
    bytes[8] = HEX[(Number.parseInt(bytes[8]!, 16) & 0x3f) | 0x80]!;
    const hex = bytes.join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}
