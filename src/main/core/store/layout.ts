/**
 * Which files in a data directory are the workspace ("live"): the meta document, the event shards
 * and the series files. Everything else (lock, corrupt/, backups/, migrations/, temp files) is
 * housekeeping that backups skip and restores leave alone.
 */
import { copyFile, link, mkdir, readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
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
 * Hard-link the live files into `target` (same relative paths) and name them. Writes replace files
 * by renaming a new file over them, so a link keeps the bytes as they were: taken while no write
 * runs, the links are a consistent snapshot that costs no copy and no memory. Where links are
 * refused (another filesystem), the file is copied.
 */
export async function linkLiveFiles(dataDir: string, target: string): Promise<string[]> {
  const files = await liveFileNames(dataDir)
  for (const file of files) {
    const to = join(target, file)
    await mkdir(dirname(to), { recursive: true })
    try {
      await link(join(dataDir, file), to)
    } catch {
      await copyFile(join(dataDir, file), to)
    }
  }
  return files
}

/**
 * The live files. Series files come from the meta's index (a file it does not name is not part
 * of the workspace); without a readable meta, every series file is kept.
 */
async function liveFileNames(dataDir: string): Promise<string[]> {
  let seriesNamed: Set<string> | null = null
  const metaBytes = await readFile(join(dataDir, META_FILE)).catch(() => null)
  if (metaBytes) {
    try {
      const meta = JSON.parse(metaBytes.toString('utf8')) as { series?: { file?: unknown }[] }
      if (Array.isArray(meta.series)) seriesNamed = new Set(meta.series.map((s) => String(s?.file)))
    } catch {
      seriesNamed = null
    }
  }
  const series = (await listSeriesFiles(dataDir)).filter((f) => !seriesNamed || seriesNamed.has(f))
  return [...(metaBytes ? [META_FILE] : []), ...(await listShardFiles(dataDir)), ...series]
}

export async function hasQuarantinedFiles(dataDir: string): Promise<boolean> {
  return (await listDir(join(dataDir, CORRUPT_DIR))).length > 0
}
