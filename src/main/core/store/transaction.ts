/**
 * All-or-nothing writes of several files. Each file is staged as an fsync'd temp file; then a
 * manifest naming the renames is written atomically (the commit point); then the renames run
 * and the manifest is removed. A crash before the manifest leaves only stray temp files (the old
 * state stands); a crash after it is rolled forward on the next open.
 */
import { mkdir, readdir, rename, rm } from 'node:fs/promises'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { atomicWrite, isCode, isTempFile, readTextIfExists, syncDir, tempPathFor, writeSynced } from './files'

const MANIFEST = 'txn.json'

export interface FileWrite {
  /** Path relative to the data directory. */
  file: string
  data: string | Uint8Array
}

export async function commitFiles(dataDir: string, writes: FileWrite[]): Promise<void> {
  if (writes.length === 0) return
  if (writes.length === 1) return atomicWrite(join(dataDir, writes[0].file), writes[0].data)
  const staged: [string, string][] = []
  try {
    for (const d of new Set(writes.map((w) => dirname(join(dataDir, w.file))))) await mkdir(d, { recursive: true })
    for (const w of writes) {
      const target = join(dataDir, w.file)
      const tmp = tempPathFor(target)
      await writeSynced(tmp, w.data)
      staged.push([relative(dataDir, tmp), w.file])
    }
    const dirs = new Set(staged.map(([, f]) => dirname(join(dataDir, f))))
    for (const d of dirs) await syncDir(d)
    await atomicWrite(join(dataDir, MANIFEST), JSON.stringify({ renames: staged }))
  } catch (e) {
    await Promise.all(staged.map(([tmp]) => rm(join(dataDir, tmp), { force: true }).catch(() => {})))
    throw e
  }
  await applyManifest(dataDir, staged)
}

async function applyManifest(dataDir: string, renames: [string, string][]): Promise<void> {
  const dirs = new Set<string>()
  for (const [tmp, file] of renames) {
    try {
      await rename(join(dataDir, tmp), join(dataDir, file))
    } catch (e) {
      // Already renamed by an earlier, interrupted roll-forward.
      if (!isCode(e, 'ENOENT')) throw e
    }
    dirs.add(dirname(join(dataDir, file)))
  }
  for (const d of dirs) await syncDir(d)
  await rm(join(dataDir, MANIFEST), { force: true })
  await syncDir(dataDir)
}

/** On open: finish a committed transaction, and drop temp files of uncommitted ones. */
export async function recoverTransactions(dataDir: string, subdirs: string[]): Promise<void> {
  const text = await readTextIfExists(join(dataDir, MANIFEST))
  if (text !== null) {
    let renames: [string, string][] | null = null
    try {
      const parsed = JSON.parse(text) as { renames?: unknown }
      if (Array.isArray(parsed.renames) && parsed.renames.every(isSafePair(dataDir))) renames = parsed.renames as [string, string][]
    } catch {
      renames = null
    }
    // A manifest that does not parse was never committed (it is itself written atomically).
    if (renames) await applyManifest(dataDir, renames)
    else await rm(join(dataDir, MANIFEST), { force: true })
  }
  for (const sub of ['', ...subdirs]) {
    const dir = join(dataDir, sub)
    let names: string[]
    try {
      names = await readdir(dir)
    } catch (e) {
      if (isCode(e, 'ENOENT')) continue
      throw e
    }
    await Promise.all(names.filter(isTempFile).map((n) => rm(join(dir, n), { force: true })))
  }
}

function isSafePair(dataDir: string) {
  const root = resolve(dataDir) + sep
  return (p: unknown): boolean =>
    Array.isArray(p) &&
    p.length === 2 &&
    p.every((x) => typeof x === 'string' && resolve(dataDir, x).startsWith(root))
}
