/**
 * Where things are: the data directory (OS user-data folder by default; CAPWATCH_DATA_DIR or
 * --data-dir override it) and the built renderer. Plain Node: the Electron shell passes its own
 * user-data path in.
 */
import { homedir, platform } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const APP_DIR_NAME = 'Capwatch'

/** The same folder Electron's app.getPath('userData') gives for an app named Capwatch. */
export function defaultUserDataDir(): string {
  const home = homedir()
  switch (platform()) {
    case 'win32':
      return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_DIR_NAME)
    case 'darwin':
      return join(home, 'Library', 'Application Support', APP_DIR_NAME)
    default:
      return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_DIR_NAME)
  }
}

export function resolveDataDir(flag: string | undefined, fallback: () => string = defaultUserDataDir): string {
  const chosen = flag ?? process.env.CAPWATCH_DATA_DIR
  return chosen ? resolve(chosen) : fallback()
}

/** out/renderer, found by walking up from this module (out/main or one of its chunk folders). */
export function rendererDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'out', 'renderer')
    if (existsSync(join(candidate, 'index.html'))) return candidate
    if (existsSync(join(dir, 'renderer', 'index.html'))) return join(dir, 'renderer')
    dir = dirname(dir)
  }
  throw new Error('The renderer is not built: run `npm run build` first')
}
