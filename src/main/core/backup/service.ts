/**
 * Backups of the workspace: on demand, once a day in the background, and before every restore.
 * Each backup is one archive file (archive.ts) in <dataDir>/backups/, named after when and why it
 * was made; listing them unpacks only each header line, for what the backup holds. Automatic ones
 * rotate (the 7 newest of each kind are kept); manual ones are never deleted by Capwatch.
 */
import { mkdir, rm, stat } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import { basename, join, resolve } from 'node:path'
import type { BackupInfo, StoreProblem, WorkspaceCounts } from '../../../shared/api'
import { ApiError } from '../../../shared/errors'
import type { Core } from '../core'
import { isCode, listDir } from '../store/files'
import { BACKUP_DIR } from '../store/schema'
import { listLiveFiles } from '../store/layout'
import { APP_VERSION } from '../version'
import { MAX_UNPACKED_BYTES, decodeBackup, writeBackupFile, type DecodeLimits } from './archive'
import { openRegularFile, readWhole } from '../store/regular-file'
import { readHolds } from './archive-head'

const NAME = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-(daily|manual|before-restore|before-migration)(?:-(\d+))?\.capwatch-backup\.gz$/
const DAY_MS = 24 * 60 * 60 * 1000
/** How many automatic backups of each kind are kept. */
export const KEEP = 7
/** Hard-link snapshots being archived (dot-named: never listed as backups, never live files). */
const SNAPSHOT_PREFIX = '.snapshot-'

export interface CreatedBackup extends BackupInfo {
  /** Where it was written. */
  path: string
}

export interface RestoreResult {
  restored: true
  backup: BackupInfo
  safetyBackup: BackupInfo | null
}

export class BackupService {
  /** How large an archive a restore unpacks (tests lower it to try a gzip bomb cheaply). */
  limits: DecodeLimits = { maxUnpackedBytes: MAX_UNPACKED_BYTES }
  /** Backups are made and restored one at a time. */
  private chain: Promise<unknown> = Promise.resolve()
  /** What each listed archive holds, by name; an archive is never rewritten, but a file put in its place has another size or time. */
  private holdsRead = new Map<string, { size: number; mtimeMs: number; holds: WorkspaceCounts | undefined }>()

  constructor(private readonly core: Core) {}

  get dir(): string {
    return join(this.core.dataDir, BACKUP_DIR)
  }

  /** Newest first. */
  async list(): Promise<BackupInfo[]> {
    const found: BackupInfo[] = []
    const names = await listDir(this.dir)
    for (const name of this.holdsRead.keys()) if (!names.includes(name)) this.holdsRead.delete(name)
    for (const name of names) {
      const info = parseName(name)
      if (!info) continue
      try {
        const { size, mtimeMs } = await stat(join(this.dir, name))
        let known = this.holdsRead.get(name)
        if (!known || known.size !== size || known.mtimeMs !== mtimeMs) {
          known = { size, mtimeMs, holds: await readHolds(join(this.dir, name)) }
          this.holdsRead.set(name, known)
        }
        found.push({ ...info, bytes: size, ...(known.holds ? { holds: known.holds } : {}) })
      } catch (e) {
        if (!isCode(e, 'ENOENT')) throw e // rotated away meanwhile
      }
    }
    // Same millisecond: the later one carries the higher -N suffix.
    const seq = (id: string) => Number(NAME.exec(id)?.[3] ?? 1)
    return found.sort((a, b) => (a.createdAt === b.createdAt ? seq(b.id) - seq(a.id) : a.createdAt < b.createdAt ? 1 : -1))
  }

  /** Back up the workspace now: into backups/, or to `out` when given (`capwatch backup --out`). */
  create(reason: BackupInfo['reason'], out?: string): Promise<CreatedBackup> {
    return this.serial(() => this.write(reason, out))
  }

  /**
   * Once a day at open (skipped on a first run). On a damaged workspace too: the work done since
   * deserves a backup, and rotation never removes the backups from before the damage (rotate).
   */
  daily(): Promise<CreatedBackup | null> {
    return this.serial(async () => {
      const store = this.core.store
      if (store.created) return null
      const last = (await this.list()).find((b) => b.reason === 'daily')
      const age = last ? this.core.now().getTime() - Date.parse(last.createdAt) : Infinity
      // A backup dated in the future means the clock moved back: do not wait for it.
      if (age >= 0 && age < DAY_MS) return null
      const made = await this.write('daily')
      await this.rotate('daily')
      return made
    })
  }

  /** The newest backup made before the damage still reported (any, if none is): the one to restore. */
  async latestGood(): Promise<BackupInfo | null> {
    const since = damagedSince(this.core.store.problems)
    return (await this.list()).find((b) => !since || b.createdAt < since) ?? null
  }

  /** Keep working without restoring (one at a time with restores: see Store.dismissProblems). */
  dismissProblems(): Promise<number> {
    return this.serial(() => this.core.store.dismissProblems())
  }

  /** Restore a backup from backups/ by its id. */
  async restoreId(id: string): Promise<RestoreResult> {
    if (!parseName(id)) throw new ApiError('not_found', `No backup named ${id} in ${this.dir}`)
    return this.restoreFile(join(this.dir, id))
  }

  /**
   * Verify the archive completely, back up the current state, then make the archive's files the
   * live ones in one transaction and reload the core. A damaged archive changes nothing.
   */
  restoreFile(path: string): Promise<RestoreResult> {
    return this.serial(async () => {
      const full = resolve(path)
      const bytes = await this.readArchive(full)
      const { header, files } = await decodeBackup(bytes, full, this.limits)
      const hasLiveFiles = (await listLiveFiles(this.core.dataDir)).length > 0
      const safetyBackup = hasLiveFiles ? strip(await this.write('before-restore')) : null
      await this.core.reload(files)
      await this.rotate('before-restore', basename(full))
      const named = parseName(basename(full))
      const holds = header.holds ? { holds: header.holds } : {}
      const backup: BackupInfo = named && resolve(this.dir) === resolve(full, '..')
        ? { ...named, bytes: bytes.length, ...holds }
        : { id: basename(full), createdAt: header.createdAt, reason: header.reason, bytes: bytes.length, ...holds }
      return { restored: true, backup, safetyBackup }
    })
  }

  /**
   * The archive's bytes, refused unless it is a regular file: a pipe or a device named as a backup
   * would otherwise be read forever. gzip adds only a few bytes to what it cannot compress, so an
   * archive bigger than the unpacked limit cannot unpack to less than it: refused unread.
   */
  private async readArchive(full: string): Promise<Buffer> {
    try {
      const file = await openRegularFile(full, full, this.limits.maxUnpackedBytes, 'backup file')
      try {
        return await readWhole(file, full)
      } finally {
        await file.fh.close()
      }
    } catch (e) {
      if (e instanceof ApiError) throw e
      if (isCode(e, 'ENOENT')) throw new ApiError('not_found', `No backup file at ${full}`)
      if (isCode(e, 'EISDIR')) throw new ApiError('invalid_input', `${full} is a folder, not a backup file`)
      throw new ApiError('io', `Could not read ${full}: ${(e as Error).message}`)
    }
  }

  private async write(reason: BackupInfo['reason'], out?: string): Promise<CreatedBackup> {
    // Links to the live files, taken in an instant between writes; compressed after, while the
    // analyst keeps working. Snapshot folders left by a crash are swept first.
    await mkdir(this.dir, { recursive: true })
    for (const stale of (await listDir(this.dir)).filter((n) => n.startsWith(SNAPSHOT_PREFIX))) await rm(join(this.dir, stale), { recursive: true, force: true })
    const snap = join(this.dir, `${SNAPSHOT_PREFIX}${randomBytes(4).toString('hex')}`)
    try {
      const { files, holds } = await this.core.store.snapshot(snap)
      const createdAt = this.core.now().toISOString()
      const path = out ? resolve(out) : await this.freshPath(createdAt, reason)
      let bytes: number
      try {
        const written = new Map(this.core.store.series.list().flatMap((m) => (m.sha256 ? [[m.file, m.sha256] as const] : [])))
        bytes = await writeBackupFile(snap, files, path, { createdAt, reason, app: APP_VERSION, holds }, written)
      } catch (e) {
        throw new ApiError('io', `Could not write the backup ${path}: ${(e as Error).message}`)
      }
      return { id: basename(path), createdAt, reason, bytes, holds, path }
    } finally {
      await rm(snap, { recursive: true, force: true })
    }
  }

  private async freshPath(createdAt: string, reason: BackupInfo['reason']): Promise<string> {
    const stem = `${createdAt.replace(/[:.]/g, '-')}-${reason}`
    const taken = new Set(await listDir(this.dir))
    let name = `${stem}.capwatch-backup.gz`
    for (let i = 2; taken.has(name); i++) name = `${stem}-${i}.capwatch-backup.gz`
    return join(this.dir, name)
  }

  /**
   * Keep the KEEP newest automatic backups of a kind (and never the one being restored). While
   * damage found at start is unresolved, the backups made before it are the way back: they are
   * kept, whatever their number or age, and the newer ones rotate among themselves.
   */
  private async rotate(reason: 'daily' | 'before-restore', keepId?: string): Promise<void> {
    const since = damagedSince(this.core.store.problems)
    const old = (await this.list()).filter((b) => b.reason === reason && !(since && b.createdAt < since)).slice(KEEP)
    for (const b of old) if (b.id !== keepId) await rm(join(this.dir, b.id), { force: true })
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn, fn)
    this.chain = run.catch(() => {})
    return run
  }
}

/** When the earliest damage still reported was found (ISO), or null. */
export function damagedSince(problems: readonly StoreProblem[]): string | null {
  return problems.reduce<string | null>((min, p) => (min === null || p.foundAt < min ? p.foundAt : min), null)
}

function parseName(name: string): Omit<BackupInfo, 'bytes'> | null {
  const m = NAME.exec(name)
  if (!m) return null
  const [date, time] = m[1].split('T')
  const [h, min, s, ms] = time.slice(0, -1).split('-')
  return { id: name, createdAt: `${date}T${h}:${min}:${s}.${ms}Z`, reason: m[2] as BackupInfo['reason'] }
}

function strip(b: CreatedBackup): BackupInfo {
  return { id: b.id, createdAt: b.createdAt, reason: b.reason, bytes: b.bytes, holds: b.holds }
}

const services = new WeakMap<Core, BackupService>()

/** The core's backup service (one per core, shared by its handlers, the CLI and the daily kick-off). */
export function backupService(core: Core): BackupService {
  let s = services.get(core)
  if (!s) services.set(core, (s = new BackupService(core)))
  return s
}
