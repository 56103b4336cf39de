/** Commands the desktop menu sends to the page (the browser host has toolbar buttons instead). */
export const MENU_CHANNEL = 'menu:command'
export const MENU_COMMANDS = [
  'add-event',
  'import',
  'export',
  'backup',
  'show-events',
  'show-companies',
  'show-charts',
  'show-impact',
  'focus-search'
] as const
export type MenuCommand = (typeof MENU_COMMANDS)[number]
