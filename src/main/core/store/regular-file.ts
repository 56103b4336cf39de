/**
 * Reading a file someone named (a backup to restore, a CSV to import) without letting the name
 * decide how much is read or whether the read ever ends. `/dev/zero` never reaches its end, a
 * named pipe blocks until someone writes to it, and a path checked with stat() can be swapped for
 * either before it is opened: so the file is opened first (non-blocking, which a pipe needs to
 * open at all), the open handle is asked what it is, and only a regular file of at most `maxBytes`
 * is read, never more bytes than that.
 */
import { constants, type Stats } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { ApiError } from '../../../shared/errors'

export interface RegularFile {
  fh: FileHandle
  /** Size when opened. */
  size: number
}

/**
 * Open `path` for reading if it is a regular file of at most `maxBytes`; otherwise an ApiError
 * ('invalid_input') naming `label`. A failed open rethrows the system error (ENOENT, EACCES…) for
 * the caller to word. The caller closes `fh`.
 */
export async function openRegularFile(path: string, label: string, maxBytes: number, what = 'file'): Promise<RegularFile> {
  // O_NONBLOCK: opening a named pipe for reading otherwise waits for a writer, forever. It
  // changes nothing for regular files. (Windows has no such flag and no such pipes in paths.)
  const fh = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  try {
    const s = await fh.stat()
    if (s.isDirectory()) throw new ApiError('invalid_input', `${label} is a folder, not a ${what}`, { file: label })
    if (!s.isFile()) throw new ApiError('invalid_input', `${label} is ${fileKind(s)}, not a ${what}: Capwatch reads only regular files`, { file: label })
    if (s.size > maxBytes) throw tooLarge(label, s.size, maxBytes, what)
    return { fh, size: s.size }
  } catch (e) {
    await fh.close().catch(() => {})
    throw e
  }
}

/**
 * The whole file, read from the handle openRegularFile checked. Reads at most the size it had
 * then: a file still growing is refused rather than read without end.
 */
export async function readWhole(file: RegularFile, label: string): Promise<Buffer> {
  const buf = Buffer.allocUnsafe(file.size)
  let at = 0
  while (at < file.size) {
    const { bytesRead } = await file.fh.read(buf, at, file.size - at, at)
    if (bytesRead === 0) return buf.subarray(0, at) // it shrank meanwhile: what is there is all there is
    at += bytesRead
  }
  const probe = await file.fh.read(Buffer.alloc(1), 0, 1, at)
  if (probe.bytesRead > 0) {
    throw new ApiError('io', `${label} changed while it was being read (it grew past ${file.size} bytes); try again once it is complete`, { file: label })
  }
  return buf
}

/** What a file that is not a regular one is, in words: "a named pipe", "a device", … */
export function fileKind(s: Stats): string {
  if (s.isDirectory()) return 'a folder'
  if (s.isFIFO()) return 'a named pipe'
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device'
  if (s.isSocket()) return 'a socket'
  return 'a special file'
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1048576).toFixed(bytes < 10 * 1048576 ? 1 : 0)} MB`
}

function tooLarge(label: string, size: number, max: number, what: string): ApiError {
  return new ApiError('invalid_input', `${label} is ${megabytes(size)}; the largest ${what} Capwatch reads is ${megabytes(max)}`, { file: label })
}
