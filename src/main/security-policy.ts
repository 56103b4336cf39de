/**
 * The decisions behind the Electron guards, as pure functions: which window settings, which URLs
 * are the app's own, which requests may load. security.ts wires them into Electron; keeping them
 * free of Electron at run time (type imports only) lets tests check every rule on plain Node.
 */
import type { WebPreferences } from 'electron'

/** The only webPreferences a Capwatch window is ever created with. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true, // the page cannot reach the preload's scope or Electron internals
    sandbox: true, // the renderer is an ordinary sandboxed Chromium process
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableWebSQL: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    // A page stuck in an alert() loop can be stopped by the user.
    safeDialogs: true,
    spellcheck: false
  }
}

/** The folder holding the renderer's index.html, as a file: URL ending in '/'. */
export function rendererDirUrl(rendererIndexUrl: string): string {
  return new URL('.', rendererIndexUrl).href
}

/**
 * True for a URL of the app's own page (the renderer's index.html on disk). Query and fragment
 * may differ; the protocol, host (a Windows UNC share has one) and path may not.
 */
export function isAppUrl(url: string, rendererIndexUrl: string): boolean {
  const u = parseUrl(url)
  const app = parseUrl(rendererIndexUrl)
  if (!u || !app) return false
  return u.protocol === 'file:' && u.host === app.host && u.pathname === app.pathname && !hasEncodedSeparator(u.pathname)
}

/**
 * May the renderer load this URL? Only the app's own files (inside the renderer folder), and
 * data:/blob: URLs the page made itself (chart PNGs, CSV downloads). `script-src 'self'` on a
 * file: page would otherwise allow any local file as a script, and the app is offline by design.
 */
export function isAllowedRequestUrl(url: string, rendererIndexUrl: string): boolean {
  if (/^(data|blob):/i.test(url)) return true
  if (/^devtools:/i.test(url)) return true // the developer tools' own pages, when a developer opens them
  const u = parseUrl(url)
  const dir = parseUrl(rendererDirUrl(rendererIndexUrl))
  if (!u || !dir || u.protocol !== 'file:') return false
  return u.host === dir.host && u.pathname.startsWith(dir.pathname) && !hasEncodedSeparator(u.pathname)
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/** An encoded slash, backslash or NUL in a file: path could be decoded into a different file. */
function hasEncodedSeparator(pathname: string): boolean {
  return /%(2f|5c|00)/i.test(pathname)
}
