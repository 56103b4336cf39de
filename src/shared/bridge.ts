/** What the desktop preload exposes on `window.capwatch`. The renderer's client is built on it. */
import type { ApiBridge } from './api'
import type { MenuCommand } from './menu'

export interface CapwatchBridge {
  api: ApiBridge
  /** Subscribe to desktop menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
}
