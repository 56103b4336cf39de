/**
 * The desktop shell: one window over the domain core. Everything here is Electron glue (window,
 * menu, single-instance lock, IPC, native dialogs); the work happens in ./core.
 */
import { app, BrowserWindow, dialog, Menu } from 'electron'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { dirname, join } from 'node:path'
import { Core } from './core/core'
import { createHandlers } from './core/handlers'
import { warmUpFirstScreens } from './core/first-screens'
import { ApiError } from '../shared/errors'
import { applySecurity, secureWebPreferences } from './security'
import { registerIpc } from './ipc'
import { desktopHooks } from './dialogs'
import { buildMenu } from './menu'
import { resolveDataDir } from './paths'
import { checkDataDir } from './data-dir'

const here = dirname(fileURLToPath(import.meta.url))
const preloadPath = join(here, '..', 'preload', 'index.cjs')
const rendererIndex = join(here, '..', 'renderer', 'index.html')
const rendererIndexUrl = pathToFileURL(rendererIndex).href
const log = (line: string) => console.error(line)

let mainWindow: BrowserWindow | null = null
let core: Core | null = null
let quitting = false

function argValue(flag: string): string | undefined {
  const argv = process.argv
  const i = argv.indexOf(flag)
  if (i >= 0) return argv[i + 1]
  const eq = argv.find((a) => a.startsWith(`${flag}=`))
  return eq?.slice(flag.length + 1)
}

function createWindow(): BrowserWindow {
  // electronegativity-ok(CONTEXT_ISOLATION_JS_CHECK, SANDBOX_JS_CHECK, AUXCLICK_JS_CHECK): the tool cannot follow secureWebPreferences() (contextIsolation and sandbox true; security-static.test.ts holds every window to it), and middle-click new windows are denied by setWindowOpenHandler in security.ts.
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Capwatch',
    show: false,
    backgroundColor: '#f7f7f5',
    webPreferences: secureWebPreferences(preloadPath)
  })
  win.once('ready-to-show', () => win.show())
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null
  })
  void win.loadFile(rendererIndex)
  return win
}

async function start(): Promise<void> {
  // One instance per data directory is enforced by the store's lock; one app instance per user
  // keeps a second launch from opening a second window over the same data.
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore()
      mainWindow.focus()
    }
  })

  await app.whenReady()
  applySecurity(rendererIndexUrl)
  const dataDir = resolveDataDir(argValue('--data-dir'), () => app.getPath('userData'))
  try {
    // A path of the wrong kind is one clear sentence, not a raw EEXIST half-way through opening.
    await checkDataDir({ dir: dataDir, from: 'The data folder' })
    core = await Core.open({ dataDir, adapter: 'electron', log })
  } catch (e) {
    const message = e instanceof ApiError || e instanceof Error ? e.message : String(e)
    dialog.showErrorBox('Capwatch cannot open its data', message)
    app.exit(1)
    return
  }
  const handlers = createHandlers(core, desktopHooks(() => mainWindow, core.dataDir))
  registerIpc(handlers, rendererIndexUrl, log)
  Menu.setApplicationMenu(buildMenu(() => mainWindow))
  mainWindow = createWindow()
  // The first rows and the first chart should not wait for what can be done while the window loads.
  warmUpFirstScreens(core)

  app.on('activate', () => {
    if (!mainWindow) mainWindow = createWindow()
  })
}

// Pending writes are awaited before the process ends: an edit acknowledged is an edit kept.
app.on('before-quit', (event) => {
  if (quitting || !core) return
  event.preventDefault()
  quitting = true
  core
    .close()
    .catch((e) => log(`main/quit: ${String(e)}`))
    .finally(() => app.quit())
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

void start()
