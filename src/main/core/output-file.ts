/**
 * Where a report or backup the user asked for may be written (`capwatch export --out`,
 * `capwatch backup --out`, the desktop save dialog), and the write itself. One place decides, so
 * that no adapter can overwrite the workspace's own files, replace a device, a pipe or a link with
 * a regular file, or quietly create folders the user never asked for.
 */
import { access, chmod, lstat, readlink, realpath, rename, rm, stat } from 'node:fs/promises'
import { constants, type Stats } from 'node:fs'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { ApiError } from '../../shared/errors'
import { isCode, syncDir, tempPathFor, writeSynced } from './store/files'
import { fileKind } from './store/regular-file'

export interface OutputFile {
  /** The file that will be written: links followed, `..` resolved by the file system. */
  path: string
  /** The path as the user gave it, for messages. */
  shown: string
  /** Permission bits of the file being replaced, kept on the new one. */
  mode?: number
}

const refuse = (shown: string, why: string): ApiError => new ApiError('invalid_input', `Cannot write ${shown}: ${why}`, { file: shown })

/**
 * Check that `path` can be written as a new or replaced regular file outside `dataDir`, and say
 * which file that really is. Nothing is created or changed.
 */
export async function prepareOutputFile(path: string, dataDir: string): Promise<OutputFile> {
  const shown = path
  if (path.trim() === '') throw new ApiError('invalid_input', 'The output file needs a name')
  let target: string
  let existing: Stats | null = null
  try {
    // realpath, not path.resolve: `link/..` must mean what the file system says it means.
    target = await realpath(path)
    existing = await stat(target)
  } catch (e) {
    if (!isCode(e, 'ENOENT') && !isCode(e, 'ENOTDIR')) throw ioError(shown, e)
    target = await newFileIn(path)
  }
  const home = await realDir(dataDir)
  if (isInside(target, home)) {
    const via = target === resolve(path) ? '' : ` (it leads to ${target})`
    throw refuse(shown, `it is inside the data directory ${home}${via}, where it would overwrite Capwatch's own files. Choose a file outside that folder`)
  }
  if (existing && !existing.isFile()) throw refuse(shown, `${target === resolve(path) ? 'it' : `it leads to ${target}, which`} is ${fileKind(existing)}, not a regular file`)
  try {
    await access(dirname(target), constants.W_OK)
  } catch (e) {
    throw ioError(shown, e, dirname(target))
  }
  return { path: target, shown, ...(existing ? { mode: existing.mode & 0o7777 } : {}) }
}

/**
 * Write the file whole: a temp file beside it, fsync, rename over it. A reader never sees half a
 * report, and a failed write leaves the old file as it was.
 */
export async function writeOutputFile(file: OutputFile, data: string | Uint8Array | readonly Uint8Array[]): Promise<void> {
  const tmp = tempPathFor(file.path)
  try {
    await writeSynced(tmp, data)
    if (file.mode !== undefined) await chmod(tmp, file.mode)
    await rename(tmp, file.path)
    await syncDir(dirname(file.path))
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => {})
    throw ioError(file.shown, e, dirname(file.path))
  }
}

/** A message that names a temp file (`.x.csv.tmp-1a2b3c4d`) names the user's file instead. */
export function hideTempPaths(message: string, shown: string): string {
  return message.replace(/[^\s'"]*\.tmp-[0-9a-f]{8}/g, shown)
}

/** The file a new `path` would be, once its folder is checked to exist (never created). */
async function newFileIn(path: string): Promise<string> {
  const name = basename(path)
  if (/[\\/]$/.test(path) || name === '.' || name === '..') throw refuse(path, 'it names a folder, not a file')
  const folder = dirname(path)
  let real: string
  try {
    real = await realpath(folder)
  } catch (e) {
    if (isCode(e, 'ENOENT')) throw refuse(path, `folder ${folder} does not exist`)
    if (isCode(e, 'ENOTDIR')) throw refuse(path, `${await firstFileIn(folder)} is a file, not a folder`)
    throw ioError(path, e, folder)
  }
  // A dangling link: say where it points, rather than pretend the name the user sees is free.
  const link = await lstat(path).catch(() => null)
  if (link?.isSymbolicLink()) throw refuse(path, `it is a link to ${await readlink(path)}, which does not exist`)
  if (!(await stat(real)).isDirectory()) throw refuse(path, `${folder} is a file, not a folder`)
  return join(real, name)
}

/** The first part of `folder` that exists as a file (the reason it cannot be a folder). */
async function firstFileIn(folder: string): Promise<string> {
  const parts: string[] = []
  for (let p = folder; ; p = dirname(p)) {
    parts.unshift(p)
    if (dirname(p) === p) break
  }
  for (const p of parts) {
    const s = await stat(p).catch(() => null)
    if (s && !s.isDirectory()) return p
  }
  return folder
}

async function realDir(dir: string): Promise<string> {
  try {
    return await realpath(dir)
  } catch {
    return resolve(dir)
  }
}

function isInside(path: string, folder: string): boolean {
  // macOS and Windows compare names without case by default: so must the guard.
  const fold = process.platform === 'darwin' || process.platform === 'win32' ? (s: string) => s.toLowerCase() : (s: string) => s
  const rel = relative(fold(folder), fold(path))
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel))
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  ENOSPC: 'no space left on the disk',
  EDQUOT: 'the disk quota is used up',
  EISDIR: 'it is a folder'
}

/** One line naming the user's path (never the temp file) and what the system said. */
function ioError(shown: string, e: unknown, folder?: string): ApiError {
  const code = (e as { code?: string }).code ?? ''
  const reason =
    REASONS[code] ??
    (code === 'ENOENT' && folder ? `the folder ${folder} does not accept new files` : hideTempPaths((e as Error).message ?? String(e), shown))
  return new ApiError('io', `Could not write ${shown}: ${reason}`, { file: shown })
}
