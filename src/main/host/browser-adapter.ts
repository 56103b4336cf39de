/**
 * What the browser host serves over a core: the contract with the browser's hooks (no native
 * dialogs, no reading of local paths) and an upload area for files the page imports.
 */
import type { Core } from '../core/core'
import type { Handlers } from '../core/dispatch'
import { browserHooks, createHandlers } from '../core/handlers'
import { Uploads } from './uploads'

export function browserAdapter(core: Core): { handlers: Handlers; uploads: Uploads } {
  const uploads = new Uploads()
  const handlers = createHandlers(core, { ...browserHooks, readUpload: (id) => uploads.get(id) })
  return { handlers, uploads }
}
