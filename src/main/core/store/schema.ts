/**
 * The on-disk schema. `capwatch.json` (the meta document) carries the schema version, settings,
 * companies and the index of imported series; events and their notes live in shard files so that
 * a small edit rewrites one small file; price series live in immutable per-ticker files.
 *
 * Version history:
 *  1: everything (events, notes, companies, settings) in one lowdb file, `capwatch.json`.
 *  2: meta + 1024 event shards + series files (this layout).
 */
import { z } from 'zod'
import { companySchema, eventSchema, noteSchema, settingsSchema, timestamp, currency } from '../../../shared/domain'

export const SCHEMA_VERSION = 2
export const SHARD_COUNT = 1024
export const META_FILE = 'capwatch.json'
export const SHARD_DIR = 'events'
export const SERIES_DIR = 'series'
/** Written by the backup module; the store only clears its stray temp files. */
export const BACKUP_DIR = 'backups'
export const CORRUPT_DIR = 'corrupt'

export const seriesPartSchema = z.object({
  /** Day numbers, strictly ascending. */
  days: z.array(z.number().int()),
  values: z.array(z.number())
})
export const seriesFileSchema = z.object({
  ticker: z.string(),
  close: seriesPartSchema.optional(),
  adjClose: seriesPartSchema.optional(),
  marketCap: seriesPartSchema.optional()
})
export type SeriesFile = z.infer<typeof seriesFileSchema>

export const seriesMetaSchema = z.object({
  ticker: z.string().min(1).max(32),
  companyId: z.string().nullable(),
  currency,
  benchmark: z.boolean().default(false),
  /** Data file, relative to the data directory; immutable once written. */
  file: z.string(),
  /**
   * The file's size and SHA-256 as written, checked at every open (series-check.ts). Absent in
   * entries written before they existed: recorded at the first open that finds the file whole.
   */
  bytes: z.number().int().min(0).optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  counts: z.object({ close: z.number().int().optional(), adj_close: z.number().int().optional(), market_cap: z.number().int().optional() }),
  first: z.string().nullable(),
  last: z.string().nullable(),
  source: z.string().default(''),
  importedAt: timestamp
})
export type SeriesMeta = z.infer<typeof seriesMetaSchema>

export const metaSchema = z.object({
  format: z.literal('capwatch'),
  schemaVersion: z.literal(SCHEMA_VERSION),
  createdAt: timestamp,
  settings: settingsSchema,
  companies: z.array(companySchema),
  series: z.array(seriesMetaSchema).default([]),
  /**
   * Series files replaced by a newer revision, deleted after the commit that replaced them. Only
   * files named here are ever deleted: a file that is merely unreferenced (say, after a damaged
   * meta was set aside) is kept.
   */
  retired: z.array(z.string()).default([])
})
export type Meta = z.infer<typeof metaSchema>

export const shardSchema = z.object({
  events: z.array(eventSchema),
  notes: z.array(noteSchema)
})
export type Shard = z.infer<typeof shardSchema>

/** Version 1, kept to migrate old data directories (and as the "naive layout" the bench compares). */
export const metaV1Schema = z.object({
  schemaVersion: z.literal(1),
  createdAt: timestamp,
  settings: settingsSchema,
  companies: z.array(companySchema),
  events: z.array(eventSchema),
  notes: z.array(noteSchema)
})
export type MetaV1 = z.infer<typeof metaV1Schema>

/** Live files by name: a shard (`events/0a3.json`) and a series file (`series/BABA-….json`). */
export const SHARD_NAME = /^[0-9a-f]{3}\.json$/
export const SERIES_NAME = /^[A-Za-z0-9_^=-][A-Za-z0-9._^=-]*\.json$/

/** FNV-1a of the event id: stable across runs and platforms, spreads sequential ids evenly. */
export function shardOf(eventId: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < eventId.length; i++) {
    h ^= eventId.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0) % SHARD_COUNT
}

export function shardFile(shard: number): string {
  return `${SHARD_DIR}/${shard.toString(16).padStart(3, '0')}.json`
}
