/**
 * Durable file primitives. Every write goes to a temp file in the same directory, is fsync'd,
 * renamed over the target and the directory fsync'd: after a crash the target holds either the
 * old or the new bytes, never a mix, and an acknowledged write survives power loss.
 */
import { open, rename, mkdir, readFile, readdir, stat, rm } from 'node:fs/promises'
import { dirname, basename, join, relative } from 'node:path'
import { randomBytes } from 'node:crypto'

export const TMP_MARK = '.tmp-'

export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}${TMP_MARK}${randomBytes(4).toString('hex')}`)
}

export function isTempFile(name: string): boolean {
  return name.startsWith('.') && name.includes(TMP_MARK)
}

/** Write and fsync a file (not yet visible under its final name). */
export async function writeSynced(path: string, data: string | Uint8Array | readonly Uint8Array[]): Promise<void> {
  const fh = await open(path, 'w', 0o600)
  try {
    // Parts (a report) follow one another: each writeFile continues where the last one ended.
    if (Array.isArray(data)) for (const part of data) await fh.writeFile(part)
    else await fh.writeFile(data as string | Uint8Array)
    await fh.sync()
  } finally {
    await fh.close()
  }
}

/** fsync a directory so a rename inside it is durable. */
export async function syncDir(dir: string): Promise<void> {
  let fh
  try {
    fh = await open(dir, 'r')
    await fh.sync()
  } catch (e) {
    // Some filesystems refuse fsync on directories (EINVAL/EISDIR); the rename is still atomic.
    if (!isCode(e, 'EINVAL') && !isCode(e, 'EISDIR') && !isCode(e, 'EPERM')) throw e
  } finally {
    await fh?.close()
  }
}

export async function atomicWrite(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const tmp = tempPathFor(path)
  try {
    await writeSynced(tmp, data)
    await rename(tmp, path)
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => {})
    throw e
  }
  await syncDir(dirname(path))
}

export async function readTextIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8')
  } catch (e) {
    if (isCode(e, 'ENOENT')) return null
    throw e
  }
}

/** The names in a directory; none when it does not exist. */
export async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir)
  } catch (e) {
    if (isCode(e, 'ENOENT') || isCode(e, 'ENOTDIR')) return []
    throw e
  }
}

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch (e) {
    if (isCode(e, 'ENOENT')) return false
    throw e
  }
}

/**
 * Move a bad file aside into `corrupt/` under a name that never collides, so a damaged file is
 * kept for the user (or support) and never deleted or overwritten.
 */
export async function moveAside(dataDir: string, path: string, stamp: string): Promise<string> {
  const dir = join(dataDir, 'corrupt') // CORRUPT_DIR in schema.ts
  await mkdir(dir, { recursive: true })
  const flat = relative(dataDir, path).replaceAll('/', '__').replaceAll('\\', '__')
  const target = join(dir, `${stamp.replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}-${flat}`)
  await rename(path, target)
  await syncDir(dir)
  await syncDir(dirname(path))
  return target
}

/**
 * Keep in `corrupt/` what is being dropped for want of its file (the index entry of a missing
 * series file), under moveAside's naming, so it is reported, listed and kept like a moved file.
 */
export async function writeAside(dataDir: string, label: string, text: string, stamp: string): Promise<string> {
  const dir = join(dataDir, 'corrupt') // CORRUPT_DIR in schema.ts
  await mkdir(dir, { recursive: true })
  const flat = label.replaceAll('/', '__').replaceAll('\\', '__')
  const target = join(dir, `${stamp.replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}-${flat}`)
  await atomicWrite(target, text)
  return target
}

export function isCode(e: unknown, code: string): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: string }).code === code
}
