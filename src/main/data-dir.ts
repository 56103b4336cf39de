/**
 * The CLI's data directory: from --data-dir, else CAPWATCH_DATA_DIR, else the user-data folder;
 * checked before the store opens it, so that a wrong path is one clear line ("is a file, not a
 * folder") instead of the raw EEXIST / EISDIR the file system would give half-way through opening.
 */
import { readdir, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { ApiError } from '../shared/errors'
import { resolveDataDir } from './paths'
import { isCode } from './core/store/files'
import { BACKUP_DIR, CORRUPT_DIR, META_FILE, SERIES_DIR, SHARD_DIR, SHARD_NAME } from './core/store/schema'
import { MIGRATIONS_DIR } from './core/store/migrations'
import { LOCK_FILE } from './core/store/lock'
import { MANIFEST } from './core/store/transaction'

/** The folder to open, and how the user named it (for messages). */
export interface ChosenDataDir {
  dir: string
  from: string
}

/** `flag` is --data-dir's value when given. An empty value is a mistake, never "the default". */
export function chooseDataDir(flag: string | undefined, env: string | undefined = process.env.CAPWATCH_DATA_DIR): ChosenDataDir {
  if (flag !== undefined) {
    // A script's unset variable (`--data-dir "$DIR"`) must not open the user's real workspace.
    if (flag.trim() === '') throw new ApiError('invalid_input', '--data-dir needs a folder (it was given an empty value)')
    return { dir: resolveDataDir(flag), from: '--data-dir' }
  }
  if (env !== undefined && env.trim() === '') {
    throw new ApiError('invalid_input', 'CAPWATCH_DATA_DIR is set but empty: set it to a folder, or unset it to use the default one')
  }
  return { dir: resolveDataDir(undefined), from: env !== undefined ? 'CAPWATCH_DATA_DIR' : 'the data directory' }
}

/** Names the store keeps as files, and as folders, inside the data directory. */
const FILES = [META_FILE, LOCK_FILE, MANIFEST]
const FOLDERS = [SHARD_DIR, SERIES_DIR, BACKUP_DIR, MIGRATIONS_DIR, CORRUPT_DIR]

/** Throws one clear line when the folder, or something the store expects in it, has the wrong kind. */
export async function checkDataDir({ dir, from }: ChosenDataDir): Promise<void> {
  const self = await kind(dir)
  if (self === 'file') throw new ApiError('invalid_input', `${from} ${dir} is a file, not a folder`)
  if (self === 'missing') {
    // It will be created: every folder above it that exists must be a folder.
    for (let p = dirname(dir); p !== dirname(p); p = dirname(p)) {
      const k = await kind(p)
      if (k === 'file') throw new ApiError('invalid_input', `${from} ${dir} cannot be created: ${p} is a file, not a folder`)
      if (k === 'folder') break
    }
    return
  }
  for (const name of FILES) {
    if ((await kind(join(dir, name))) === 'folder') throw wrongKind(join(dir, name), 'a folder', 'file')
  }
  for (const name of FOLDERS) {
    if ((await kind(join(dir, name))) === 'file') throw wrongKind(join(dir, name), 'a file', 'folder')
  }
  for (const entry of await readdir(join(dir, SHARD_DIR), { withFileTypes: true }).catch(() => [])) {
    if (SHARD_NAME.test(entry.name) && entry.isDirectory()) throw wrongKind(join(dir, SHARD_DIR, entry.name), 'a folder', 'file')
  }
}

function wrongKind(path: string, is: string, should: string): ApiError {
  return new ApiError('invalid_input', `${path} is ${is}, but Capwatch keeps a ${should} of that name there: move it out of the way, or use another --data-dir`, { file: path })
}

async function kind(path: string): Promise<'file' | 'folder' | 'missing'> {
  try {
    return (await stat(path)).isDirectory() ? 'folder' : 'file'
  } catch (e) {
    if (isCode(e, 'ENOENT') || isCode(e, 'ENOTDIR')) return 'missing'
    throw e
  }
}
