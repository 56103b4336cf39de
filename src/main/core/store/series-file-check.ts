/**
 * A fast structural check of a series file, used before the zod schema when a series is first
 * read. A chart of 20 companies reads 20 files of 2,500 days; zod walks each of their 10,000
 * numbers through its checks, and on a fresh start that was most of the first chart's wait. This
 * check is one plain loop per array.
 *
 * Like the shard check, it is at least as strict as `seriesFileSchema`: when it says yes, zod
 * would too (a test holds it to that); when it says no, the caller runs zod, which either accepts
 * or produces the precise message for the user.
 */
import type { SeriesFile } from './schema'
import { isPlain } from './shard-check'

const PARTS = ['close', 'adjClose', 'marketCap'] as const
const KEYS = new Set<string>(['ticker', ...PARTS])

export function quickSeriesFileCheck(raw: unknown): raw is SeriesFile {
  if (!isPlain(raw)) return false
  // Exactly the schema's keys: zod would strip any other, and the stripped copy is what it returns.
  for (const key of Object.keys(raw)) if (!KEYS.has(key)) return false
  const v = raw as Record<string, unknown>
  if (typeof v.ticker !== 'string') return false
  for (const part of PARTS) if (v[part] !== undefined && !isPart(v[part])) return false
  return true
}

function isPart(x: unknown): boolean {
  if (!isPlain(x)) return false
  const keys = Object.keys(x)
  if (keys.length !== 2) return false
  const { days, values } = x as { days: unknown; values: unknown }
  if (!Array.isArray(days) || !Array.isArray(values)) return false
  for (let i = 0; i < days.length; i++) if (!Number.isSafeInteger(days[i])) return false
  for (let i = 0; i < values.length; i++) {
    const n = values[i]
    if (typeof n !== 'number' || !Number.isFinite(n)) return false
  }
  return true
}
