/**
 * A seeded pseudo-random generator (mulberry32) for tests, fuzzing and the bench's generated
 * workspace: tiny, fast, and the same sequence for the same seed on every machine, so a failure
 * or a measurement reproduces.
 */
export type Rng = () => number

export function seededRng(seed: number): Rng {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]
