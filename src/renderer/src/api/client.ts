/**
 * The renderer's only way to the core. In the desktop app it calls the preload bridge; in the
 * browser host it POSTs to /api/<method> with the run's token. Nothing else in the renderer knows
 * which: screens import `api` and `platform` from here.
 */
import type { ApiBridge, ApiClient, MethodInput, MethodName } from '../../../shared/api'
import { bytesFieldOf, METHOD_NAMES, RESULT_HEADER, resultFromHeader } from '../../../shared/methods'
import { ApiError, type ApiResponse } from '../../../shared/errors'
import type { CapwatchBridge } from '../../../shared/bridge'
import type { MenuCommand } from '../../../shared/menu'
import type { ImportSource } from '../../../shared/market'
import { decodeBytes } from '../../../shared/encoding'

declare global {
  interface Window {
    capwatch?: CapwatchBridge
  }
}

const TOKEN_KEY = 'capwatch.token'

/** The browser host's token: from the URL fragment on first load, then from this tab's session. */
function browserToken(): string {
  const m = /(?:^#|&)token=([^&]+)/.exec(window.location.hash)
  if (m) {
    sessionStorage.setItem(TOKEN_KEY, m[1])
    // Keep the token out of the address bar, bookmarks and screenshots.
    history.replaceState(null, '', window.location.pathname + window.location.search)
    return m[1]
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? ''
}

/**
 * The browser host refused this page's token: none (a copied address loses it, see browserToken)
 * or one of an earlier run. Nothing will work until the page is opened from the address the host
 * printed, so the app says that instead of showing empty screens with errors.
 */
let refused = false
const refusedListeners = new Set<() => void>()
export const accessRefused = (): boolean => refused
export function subscribeAccessRefused(listener: () => void): () => void {
  refusedListeners.add(listener)
  return () => refusedListeners.delete(listener)
}

function httpBridge(token: string): ApiBridge {
  const call = async (name: MethodName, input: unknown): Promise<ApiResponse<unknown>> => {
    let res: Response
    try {
      res = await fetch(`api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: input === undefined ? '' : JSON.stringify(input)
      })
    } catch {
      return { ok: false, error: { code: 'io', message: 'The Capwatch host is not reachable: is `capwatch serve` still running?' } }
    }
    if (res.status === 401 && !refused) {
      refused = true
      for (const l of refusedListeners) l()
    }
    try {
      const field = bytesFieldOf(name)
      if (field && res.ok && res.headers.get('Content-Type') === 'application/octet-stream') {
        // A result with bytes: they are the body, the rest is in a header (server.ts, sendBytes).
        return { ok: true, value: { ...resultFromHeader(res.headers.get(RESULT_HEADER)), [field]: [new Uint8Array(await res.arrayBuffer())] } }
      }
      return (await res.json()) as ApiResponse<unknown>
    } catch {
      return { ok: false, error: { code: 'internal', message: `The host answered ${res.status} without a result` } }
    }
  }
  return Object.fromEntries(METHOD_NAMES.map((name) => [name, (input: unknown) => call(name, input)])) as ApiBridge
}

/**
 * Answers asked for before anything on the page asked (app/first-requests.ts), by method and input.
 * Each is handed to the first call that asks exactly the same, once; one nobody takes in time is
 * dropped, so that a later call never gets an old answer.
 */
const early = new Map<string, Promise<ApiResponse<unknown>>>()
const EARLY_KEEP_MS = 5000
const earlyKey = (name: MethodName, input: unknown) => `${name} ${JSON.stringify(input)}`
const earlyMethods = new Set<MethodName>()

function takeEarly(name: MethodName, input: unknown): Promise<ApiResponse<unknown>> | undefined {
  // Only the few methods asked early are keyed: an import's input can hold a whole file.
  if (early.size === 0 || !earlyMethods.has(name)) return undefined
  const key = earlyKey(name, input)
  const sent = early.get(key)
  early.delete(key)
  return sent
}

function unwrap(bridge: ApiBridge): ApiClient {
  return Object.fromEntries(
    METHOD_NAMES.map((name) => [
      name,
      async (input: unknown) => {
        const res = await (takeEarly(name, input) ?? (bridge[name] as (i: unknown) => Promise<ApiResponse<unknown>>)(input))
        if (!res.ok) throw ApiError.fromBody(res.error)
        return res.value
      }
    ])
  ) as ApiClient
}

const desktop = window.capwatch
const token = desktop ? '' : browserToken()
const bridge = desktop ? desktop.api : httpBridge(token)
export const api: ApiClient = unwrap(bridge)

/**
 * Ask now what the first screen will ask once it renders (app/first-requests.ts): the page's code
 * takes a few hundred milliseconds to evaluate and render before its screens ask anything, and the
 * answers can be on their way meanwhile.
 */
export function askEarly<M extends MethodName>(name: M, input: MethodInput<M>): void {
  const key = earlyKey(name, input)
  const sent = (bridge[name] as (i: unknown) => Promise<ApiResponse<unknown>>)(input)
  earlyMethods.add(name)
  early.set(key, sent)
  setTimeout(() => {
    if (early.get(key) === sent) early.delete(key)
  }, EARLY_KEEP_MS)
}

/**
 * Send a file's bytes to the browser host for an import. A File is streamed by the browser as
 * it is (no 60 MB string built and serialised on the page's thread), and the core decodes it
 * like a file on disk (UTF-8, UTF-16, Latin-1).
 */
async function uploadFile(file: File): Promise<{ id: string; name: string }> {
  let res: Response
  try {
    res = await fetch(`api/upload?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', Authorization: `Bearer ${token}` },
      body: file
    })
  } catch {
    throw new ApiError('io', 'The Capwatch host is not reachable: is `capwatch serve` still running?')
  }
  const body = (await res.json().catch(() => null)) as ApiResponse<{ id: string; name: string }> | null
  if (!body) throw new ApiError('internal', `The host answered ${res.status} to the upload without a result`)
  if (!body.ok) throw ApiError.fromBody(body.error)
  return body.value
}

export interface PickedFile {
  name: string
  bytes: number
  /** The import source to hand to import:inspect / import:preview. */
  source: ImportSource
}

/**
 * Hand a file to the browser's download (from a blob: URL made on the page: nothing leaves the
 * machine). In the desktop app the download asks where to save it.
 */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** What differs between the desktop app and a browser tab, behind one interface. */
export const platform = {
  kind: desktop ? ('desktop' as const) : ('browser' as const),

  /** Save a report (its bytes, in parts): the native save dialog on the desktop, a download in the browser. */
  async saveFile(name: string, content: Uint8Array[]): Promise<{ saved: boolean; path?: string }> {
    if (desktop) return api['app:saveFile']({ defaultName: name, content })
    downloadBlob(name, new Blob(content as BlobPart[], { type: 'text/csv;charset=utf-8' }))
    return { saved: true }
  },

  /**
   * Let the user pick a file to import: the native dialog on the desktop (the main process reads
   * it), a file input in the browser (the page reads it and uploads its text).
   */
  async pickFile(accept = '.csv,.txt,.tsv'): Promise<PickedFile | null> {
    if (desktop) {
      const picked = await api['app:openFile']({ title: 'Import prices', extensions: accept.split(',').map((e) => e.replace(/^\./, '')) })
      return picked ? { name: picked.name, bytes: picked.bytes, source: { kind: 'path', path: picked.path } } : null
    }
    const file = await new Promise<File | null>((resolve) => {
      const input = document.createElement('input')
      input.type = 'file'
      input.accept = accept
      input.onchange = () => resolve(input.files?.[0] ?? null)
      input.oncancel = () => resolve(null)
      input.click()
    })
    return file ? fileToPicked(file) : null
  },

  onMenuCommand(listener: (command: MenuCommand) => void): () => void {
    return desktop ? desktop.onMenuCommand(listener) : () => {}
  }
}

/**
 * A File from an <input type=file> or a drop, as an import source: uploaded to the browser host;
 * on the desktop (a dropped file) decoded here, whatever its encoding.
 */
export async function fileToPicked(file: File): Promise<PickedFile> {
  if (!desktop) {
    const { id, name } = await uploadFile(file)
    return { name, bytes: file.size, source: { kind: 'upload', id, name } }
  }
  const text = decodeBytes(new Uint8Array(await file.arrayBuffer())).text
  return { name: file.name, bytes: file.size, source: { kind: 'text', name: file.name, text } }
}
