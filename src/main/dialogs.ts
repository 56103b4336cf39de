/**
 * Native open/save dialogs for the desktop app. A path the user picked in the open dialog is
 * remembered: it is the only kind of path the renderer may then ask the core to read.
 */
import { dialog, type BrowserWindow } from 'electron'
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { AdapterHooks } from './core/handlers'
import { prepareOutputFile, writeOutputFile } from './core/output-file'

export function desktopHooks(window: () => BrowserWindow | null, dataDir: string): AdapterHooks {
  const picked = new Set<string>()
  return {
    name: 'electron',
    allowPath: (path) => picked.has(path),
    dialogs: {
      'app:saveFile': async ({ defaultName, content }) => {
        const win = window()
        const opts = { defaultPath: defaultName, filters: [{ name: 'CSV', extensions: ['csv'] }] }
        const res = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts)
        if (res.canceled || !res.filePath) return { saved: false }
        // The dialog lets the user pick any file, including the workspace's own capwatch.json.
        await writeOutputFile(await prepareOutputFile(res.filePath, dataDir), content)
        return { saved: true, path: res.filePath }
      },
      'app:openFile': async ({ title, extensions }) => {
        const win = window()
        const opts = {
          title,
          properties: ['openFile' as const],
          filters: extensions?.length ? [{ name: 'Data', extensions }, { name: 'All files', extensions: ['*'] }] : undefined
        }
        const res = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts)
        const path = res.filePaths[0]
        if (res.canceled || !path) return null
        picked.add(path)
        return { path, name: basename(path), bytes: (await stat(path)).size }
      }
    }
  }
}
