// Where the Electron binary is, without triggering its download: `require('electron')` in
// Electron 45+ downloads the binary when it is missing, which must never happen by accident.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

/** The Electron executable if it is installed, else null. */
export function electronBinary() {
  let dir
  try {
    dir = dirname(require.resolve('electron/package.json'))
  } catch {
    return null
  }
  const pathFile = join(dir, 'path.txt')
  const rel = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : ''
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, rel || 'electron')
    return existsSync(p) ? p : null
  }
  if (!rel) return null
  const bin = join(dir, 'dist', rel)
  return existsSync(bin) ? bin : null
}

/** Electron's own installer script (downloads the binary when the network allows). */
export function electronInstaller() {
  try {
    return join(dirname(require.resolve('electron/package.json')), 'install.js')
  } catch {
    return null
  }
}
