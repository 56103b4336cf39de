/**
 * Map a URL path to a file inside the renderer folder, or null. Decoding happens once, and the
 * result must stay under the root: `..`, encoded slashes, NUL bytes and absolute paths cannot
 * climb out of it.
 */
import { resolve, sep, normalize } from 'node:path'

export function resolveStatic(root: string, pathname: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const rel = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^[/\\]+/, '')
  if (rel.split(/[/\\]/).includes('..')) return null
  const base = resolve(root)
  const file = resolve(base, rel)
  if (file !== base && !file.startsWith(base + sep)) return null
  return file
}
