/**
 * Column layouts (order, hidden columns, widths) remembered in the workspace settings under
 * `ui.<tableKey>`, so a table looks the same after a restart. Loaded once per page; saved
 * debounced, since a resize drag changes the width many times a second.
 */
import { api } from '../../api/client'

export interface ColumnLayout {
  order: string[]
  hidden: string[]
  sizes: Record<string, number>
}

let ui: Promise<Record<string, unknown>> | null = null

function loadUi(): Promise<Record<string, unknown>> {
  ui ??= api['settings:get']({}).then(
    (s) => s.ui,
    (e: unknown) => {
      // A layout is a convenience: without it the table opens with its default columns.
      console.error('grid/layout: could not read the saved column layout:', e)
      return {}
    }
  )
  return ui
}

/** The saved layout of a table, cleaned against the columns that exist today. */
export async function loadLayout(key: string, ids: readonly string[], defaults: ColumnLayout): Promise<ColumnLayout> {
  const saved = (await loadUi())[key]
  return cleanLayout(saved, ids, defaults)
}

const timers = new Map<string, ReturnType<typeof setTimeout>>()

export function saveLayout(key: string, layout: ColumnLayout): void {
  ui = (ui ?? Promise.resolve({})).then((u) => ({ ...u, [key]: layout }))
  clearTimeout(timers.get(key))
  timers.set(
    key,
    setTimeout(() => {
      timers.delete(key)
      api['settings:update']({ patch: { ui: { [key]: layout } } }).catch((e: unknown) => {
        console.error('grid/layout: could not save the column layout:', e)
      })
    }, 250)
  )
}

/** Accept whatever was stored (it may come from an older version): keep what still makes sense. */
export function cleanLayout(saved: unknown, ids: readonly string[], defaults: ColumnLayout): ColumnLayout {
  if (!saved || typeof saved !== 'object') return defaults
  const s = saved as Partial<Record<keyof ColumnLayout, unknown>>
  const known = new Set(ids)
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && known.has(x)) : null)
  const order = strings(s.order) ?? defaults.order
  const fullOrder = [...new Set([...order, ...ids])]
  const hidden = strings(s.hidden) ?? defaults.hidden
  const sizes: Record<string, number> = {}
  if (s.sizes && typeof s.sizes === 'object') {
    for (const [id, w] of Object.entries(s.sizes as Record<string, unknown>)) {
      if (known.has(id) && typeof w === 'number' && Number.isFinite(w) && w >= 30 && w <= 2000) sizes[id] = Math.round(w)
    }
  }
  return { order: fullOrder, hidden: hidden.length < ids.length ? hidden : defaults.hidden, sizes }
}
