/** The application menu. Commands that act on the page are sent to it as menu commands. */
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../shared/menu'
import { MENU_CHANNEL } from '../shared/menu'

export function buildMenu(window: () => BrowserWindow | null): Menu {
  const send = (command: MenuCommand) => () => window()?.webContents.send(MENU_CHANNEL, command)
  const isMac = process.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Add Event', accelerator: 'CmdOrCtrl+N', click: send('add-event') },
        { label: 'Import Prices…', accelerator: 'CmdOrCtrl+I', click: send('import') },
        { type: 'separator' },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: send('export') },
        { label: 'Back Up Now', click: send('backup') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' }
      ]
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { label: 'Events', accelerator: 'CmdOrCtrl+1', click: send('show-events') },
        { label: 'Companies', accelerator: 'CmdOrCtrl+2', click: send('show-companies') },
        { label: 'Charts', accelerator: 'CmdOrCtrl+3', click: send('show-charts') },
        { label: 'Impact', accelerator: 'CmdOrCtrl+4', click: send('show-impact') },
        { type: 'separator' },
        { label: 'Find', accelerator: 'CmdOrCtrl+F', click: send('focus-search') },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' }
      ]
    },
    { role: 'windowMenu' }
  ]
  return Menu.buildFromTemplate(template)
}
