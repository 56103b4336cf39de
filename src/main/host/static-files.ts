/**
 * Map a URL path to a file inside the renderer folder, or null. Decoding happens once, and the
 * result must stay under the root: `..`, encoded slashes, backslashes, NUL bytes, absolute paths
 * and symbolic links cannot climb out of it.
 */
import { realpath, readFile, stat } from 'node:fs/promises'
import { isAbsolute, resolve, sep } from 'node:path'

export function resolveStatic(root: string, pathname: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  // Backslashes are separators on Windows and never part of a renderer file name.
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  if (!decoded.startsWith('/')) return null
  const rel = (decoded === '/' ? '/index.html' : decoded).replace(/^\/+/, '')
  // Refuse `..` before any normalisation, so `/a/../../x` never becomes a harmless-looking path.
  const segments = rel.split('/')
  if (segments.some((s) => s === '..' || s === '.')) return null
  // `C:` or another drive or UNC form would make resolve() ignore the root.
  if (isAbsolute(rel) || /^[A-Za-z]:/.test(rel)) return null
  const base = resolve(root)
  const file = resolve(base, rel)
  if (file === base || !file.startsWith(base + sep)) return null
  return file
}

/**
 * Read the file a URL path names, or null when there is none inside the root. The real path is
 * checked as well: a symbolic link in the renderer folder must not serve a file from elsewhere.
 */
export async function readStatic(root: string, pathname: string): Promise<{ file: string; data: Buffer } | null> {
  const file = resolveStatic(root, pathname)
  if (!file) return null
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)])
    if (!realFile.startsWith(realRoot + sep)) return null
    if (!(await stat(realFile)).isFile()) return null
    return { file, data: await readFile(realFile) }
  } catch {
    return null
  }
}
