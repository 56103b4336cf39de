/**
 * Which files in a data directory are the workspace ("live"): the meta document, the event shards
 * and the series files. Everything else (lock, corrupt/, backups/, migrations/, temp files) is
 * housekeeping that backups skip and restores leave alone.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { isTempFile, listDir } from './files'
import { CORRUPT_DIR, META_FILE, SERIES_DIR, SERIES_NAME, SHARD_DIR, SHARD_NAME } from './schema'

/** One live file's bytes, by its path relative to the data directory. */
export interface StoreFile {
  file: string
  data: Buffer
}

export async function listShardFiles(dataDir: string): Promise<string[]> {
  return (await listDir(join(dataDir, SHARD_DIR))).filter((n) => SHARD_NAME.test(n)).map((n) => `${SHARD_DIR}/${n}`)
}

export async function listSeriesFiles(dataDir: string): Promise<string[]> {
  return (await listDir(join(dataDir, SERIES_DIR))).filter((n) => SERIES_NAME.test(n) && !isTempFile(n)).map((n) => `${SERIES_DIR}/${n}`)
}

/** Every live file on disk (the meta only if present). */
export async function listLiveFiles(dataDir: string): Promise<string[]> {
  const meta = (await listDir(dataDir)).includes(META_FILE) ? [META_FILE] : []
  return [...meta, ...(await listShardFiles(dataDir)), ...(await listSeriesFiles(dataDir))]
}

/**
 * Read the workspace as it is on disk. Series files come from the meta's index (a file it does not
 * name is not part of the workspace); without a readable meta, every series file is kept.
 */
export async function readLiveFiles(dataDir: string): Promise<StoreFile[]> {
  const files: StoreFile[] = []
  let seriesNamed: Set<string> | null = null
  const metaBytes = await readFile(join(dataDir, META_FILE)).catch(() => null)
  if (metaBytes) {
    files.push({ file: META_FILE, data: metaBytes })
    try {
      const meta = JSON.parse(metaBytes.toString('utf8')) as { series?: { file?: unknown }[] }
      if (Array.isArray(meta.series)) seriesNamed = new Set(meta.series.map((s) => String(s?.file)))
    } catch {
      seriesNamed = null
    }
  }
  const series = (await listSeriesFiles(dataDir)).filter((f) => !seriesNamed || seriesNamed.has(f))
  const rest = [...(await listShardFiles(dataDir)), ...series]
  // A few reads at a time: fast on a large workspace without holding hundreds of descriptors.
  for (let i = 0; i < rest.length; i += 16) {
    const chunk = rest.slice(i, i + 16)
    const datas = await Promise.all(chunk.map((file) => readFile(join(dataDir, file))))
    chunk.forEach((file, j) => files.push({ file, data: datas[j] }))
  }
  return files
}

/** The newest meta file set aside at an earlier start, if any (its path in corrupt/). */
export async function findQuarantinedMeta(dataDir: string): Promise<string | null> {
  const names = (await listDir(join(dataDir, CORRUPT_DIR))).filter((n) => n.endsWith(`-${META_FILE}`)).sort()
  return names.length ? join(dataDir, CORRUPT_DIR, names[names.length - 1]) : null
}

export async function hasQuarantinedFiles(dataDir: string): Promise<boolean> {
  return (await listDir(join(dataDir, CORRUPT_DIR))).length > 0
}
