/**
 * All-or-nothing changes to several files. Each file is staged as an fsync'd temp file; then a
 * manifest naming the renames (and the files to delete) is written atomically: that is the commit
 * point. Then the renames and deletes run and the manifest is removed. A crash before the manifest
 * leaves only stray temp files (the old state stands); a crash after it is rolled forward on the
 * next open.
 */
import { lstat, mkdir, rename, rm } from 'node:fs/promises'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { atomicWrite, isCode, listDir, moveAside, readTextIfExists, syncDir, tempPathFor, writeSynced, isTempFile } from './files'

export const MANIFEST = 'txn.json'

export interface FileWrite {
  /** Path relative to the data directory. */
  file: string
  data: string | Uint8Array
}

interface Manifest {
  renames: [string, string][]
  deletes: string[]
}

/**
 * Raised when the disk fails after the commit point: the change is committed (the manifest holds
 * it and the next open completes it) but not yet in place.
 */
export class AppliedLaterError extends Error {
  readonly committed = true
}

export async function commitFiles(dataDir: string, writes: FileWrite[], deletes: string[] = []): Promise<void> {
  if (writes.length === 0 && deletes.length === 0) return
  if (writes.length === 1 && deletes.length === 0) return atomicWrite(join(dataDir, writes[0].file), writes[0].data)
  const staged: [string, string][] = writes.map((w) => [relative(dataDir, tempPathFor(join(dataDir, w.file))), w.file])
  try {
    for (const d of new Set(writes.map((w) => dirname(join(dataDir, w.file))))) await mkdir(d, { recursive: true })
    // A target that is a directory would make a rename fail after the commit point: refuse now,
    // while the old state is still whole.
    for (const w of writes) await refuseDirectory(join(dataDir, w.file))
    // Staged in parallel: the fsyncs of a batch overlap instead of queueing one behind another.
    await settleAll(writes.map((w, i) => writeSynced(join(dataDir, staged[i][0]), w.data)))
    await settleAll([...new Set(staged.map(([, f]) => dirname(join(dataDir, f))))].map(syncDir))
    const manifest: Manifest = { renames: staged, deletes }
    await atomicWrite(join(dataDir, MANIFEST), JSON.stringify(manifest))
  } catch (e) {
    await Promise.all(staged.map(([tmp]) => rm(join(dataDir, tmp), { force: true }).catch(() => {})))
    throw e
  }
  try {
    await applyManifest(dataDir, { renames: staged, deletes })
  } catch (e) {
    throw new AppliedLaterError(`${e instanceof Error ? e.message : String(e)} (the change is kept in ${MANIFEST} and completed at the next start)`)
  }
}

/** Like Promise.all, but waits for every write to finish before reporting the first failure. */
async function settleAll(work: Promise<unknown>[]): Promise<void> {
  const failed = (await Promise.allSettled(work)).find((r) => r.status === 'rejected')
  if (failed) throw (failed as PromiseRejectedResult).reason
}

async function refuseDirectory(path: string): Promise<void> {
  try {
    if ((await lstat(path)).isDirectory()) {
      throw Object.assign(new Error(`EISDIR: ${path} is a directory, not a file`), { code: 'EISDIR' })
    }
  } catch (e) {
    if (!isCode(e, 'ENOENT')) throw e
  }
}

/**
 * Apply a committed manifest; safe to run again after an interrupted run. With `obstacle`, a
 * target that blocks a rename (a directory in its place) is handed over to be moved aside.
 */
async function applyManifest(dataDir: string, m: Manifest, obstacle?: (path: string) => Promise<void>): Promise<void> {
  const dirs = new Set<string>()
  for (const [tmp, file] of m.renames) {
    const target = join(dataDir, file)
    try {
      await rename(join(dataDir, tmp), target)
    } catch (e) {
      // ENOENT: already renamed by an earlier, interrupted roll-forward.
      if (isCode(e, 'ENOENT')) continue
      if (!obstacle || !(isCode(e, 'EISDIR') || isCode(e, 'ENOTEMPTY') || isCode(e, 'EEXIST'))) throw e
      await obstacle(target)
      await rename(join(dataDir, tmp), target)
    }
    dirs.add(dirname(target))
  }
  for (const file of m.deletes) {
    await rm(join(dataDir, file), { force: true })
    dirs.add(dirname(join(dataDir, file)))
  }
  await Promise.all([...dirs].map(syncDir))
  // Removing the manifest must be durable before the next transaction: replayed later, its
  // deletes would remove files written since.
  await rm(join(dataDir, MANIFEST), { force: true })
  await syncDir(dataDir)
}

/** What recovery did that the user should hear about. */
export interface RecoveryReport {
  rolledForward: boolean
  /** Things that stood in the way of a committed rename, moved to corrupt/: [file, movedTo]. */
  movedAside: [string, string][]
}

/** On open: finish a committed transaction, and drop temp files of uncommitted ones. */
export async function recoverTransactions(dataDir: string, subdirs: string[], stamp: string): Promise<RecoveryReport> {
  const report: RecoveryReport = { rolledForward: false, movedAside: [] }
  const text = await readTextIfExists(join(dataDir, MANIFEST))
  if (text !== null) {
    const manifest = parseManifest(dataDir, text)
    // A manifest that does not parse was never committed (it is itself written atomically).
    if (manifest) {
      await applyManifest(dataDir, manifest, async (path) => {
        report.movedAside.push([relative(dataDir, path), await moveAside(dataDir, path, stamp)])
      })
      report.rolledForward = true
    } else await rm(join(dataDir, MANIFEST), { force: true })
  }
  for (const sub of ['', ...subdirs]) {
    const dir = join(dataDir, sub)
    const names = await listDir(dir)
    await Promise.all(names.filter(isTempFile).map((n) => rm(join(dir, n), { force: true })))
  }
  return report
}

function parseManifest(dataDir: string, text: string): Manifest | null {
  try {
    const parsed = JSON.parse(text) as { renames?: unknown; deletes?: unknown }
    const inside = isInside(dataDir)
    const renames = parsed.renames
    const deletes = parsed.deletes ?? []
    if (!Array.isArray(renames) || !Array.isArray(deletes)) return null
    const pairsOk = renames.every((p) => Array.isArray(p) && p.length === 2 && p.every(inside))
    if (!pairsOk || !deletes.every(inside)) return null
    return { renames: renames as [string, string][], deletes: deletes as string[] }
  } catch {
    return null
  }
}

/** A manifest names only files inside the data directory (never `..` or absolute paths). */
function isInside(dataDir: string) {
  const root = resolve(dataDir) + sep
  return (x: unknown): boolean => typeof x === 'string' && resolve(dataDir, x).startsWith(root)
}
