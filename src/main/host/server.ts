/**
 * The browser host (`capwatch serve`): the built renderer and the contract over HTTP, for
 * machines where the desktop shell cannot start. It is a private door to the analyst's data, so:
 *  - it listens on 127.0.0.1 only;
 *  - every API call carries a random per-run token (printed once, in the URL's fragment, which
 *    browsers never send to servers or put in Referer headers);
 *  - Host and Origin must name this loopback server (a DNS-rebinding page cannot pass);
 *  - static files are served from the renderer folder only, with a strict CSP.
 */
import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { dispatch, type Handlers } from '../core/dispatch'
import type { ApiErrorCode, ApiResponse } from '../../shared/errors'
import { CONTENT_SECURITY_POLICY } from '../csp'
import { bytesFieldOf, RESULT_HEADER, resultHeaderValue } from '../../shared/methods'
import { readStatic } from './static-files'
import type { Uploads } from './uploads'

export interface HostOptions {
  handlers: Handlers
  rendererDir: string
  port?: number
  token?: string
  /** Largest request body accepted (imports upload whole files). */
  maxBodyBytes?: number
  /** Where `POST /api/upload` keeps files the page uploads for import; no uploads without it. */
  uploads?: Uploads
  log?: (line: string) => void
}

export interface RunningHost {
  url: string
  port: number
  token: string
  server: Server
  close(): Promise<void>
}

/** How long a stop waits for the requests already received. */
const DRAIN_MS = 5000

const STATUS: Record<ApiErrorCode, number> = {
  invalid_input: 400,
  unknown_method: 404,
  not_found: 404,
  conflict: 409,
  locked: 423,
  unavailable: 501,
  io: 500,
  corrupt: 500,
  internal: 500
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json'
}

export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url')
  const tokenBytes = Buffer.from(token)
  const log = opts.log ?? ((l) => console.error(l))
  const maxBody = opts.maxBodyBytes ?? 600 * 1024 * 1024
  let port = 0

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`])

  /** Requests received and not yet answered: a stop lets them finish (an edit on its way is saved). */
  const inFlight = new Set<Promise<void>>()
  const server = createServer((req, res) => {
    const done = handle(req, res)
      .catch((e) => {
        log(`host: ${req.method} ${req.url} failed: ${e instanceof Error ? e.message : String(e)}`)
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Request failed' } })
        else res.destroy()
      })
      .finally(() => inFlight.delete(done))
    inFlight.add(done)
  })
  // Large imports upload and parse for a while; the defaults would cut them off.
  server.requestTimeout = 10 * 60_000
  server.headersTimeout = 60_000

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setCommonHeaders(res)
    if (!allowedHosts().has(req.headers.host ?? '')) return sendText(res, 403, 'Forbidden: unexpected Host header')
    const origin = req.headers.origin
    // Browsers send Origin on cross-origin and on POST requests: it must be this very server.
    if (origin !== undefined && !allowedOrigins().has(origin)) {
      return sendText(res, 403, 'Forbidden: cross-origin request')
    }
    let url: URL
    try {
      url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)
    } catch {
      return sendText(res, 400, 'Bad request: unreadable URL')
    }
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url)
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed')
    return serveStatic(req, res, url.pathname)
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (!hasToken(req)) {
      return sendJson(res, 401, { ok: false, error: { code: 'invalid_input', message: 'Missing or wrong token: open the URL printed by capwatch serve' } })
    }
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'invalid_input', message: 'API calls are POST' } })
    if (url.pathname === '/api/upload' && opts.uploads) return handleUpload(req, res, url, opts.uploads)
    if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) {
      return sendJson(res, 415, { ok: false, error: { code: 'invalid_input', message: 'API calls send application/json' } })
    }
    const declared = Number(req.headers['content-length'])
    if (Number.isFinite(declared) && declared > maxBody) return refuseTooLarge(req, res)
    let input: unknown
    try {
      const body = (await readBody(req, maxBody)).toString('utf8')
      input = body.length ? JSON.parse(body) : undefined
    } catch (e) {
      if (e instanceof BodyTooLarge) return refuseTooLarge(req, res)
      return sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: 'Request body is not valid JSON' } })
    }
    let method: string
    try {
      method = decodeURIComponent(url.pathname.slice('/api/'.length))
    } catch {
      method = url.pathname.slice('/api/'.length)
    }
    const result = await dispatch(opts.handlers, method, input, log)
    const bytesField = bytesFieldOf(method)
    if (result.ok && bytesField) return sendBytes(res, result.value as Record<string, unknown>, bytesField)
    sendJson(res, result.ok ? 200 : (STATUS[result.error.code] ?? 500), result)
  }

  /** A file's raw bytes, for an import: `POST /api/upload?name=…` answers {id, name, bytes}. */
  async function handleUpload(req: IncomingMessage, res: ServerResponse, url: URL, uploads: Uploads): Promise<void> {
    const name = (url.searchParams.get('name') ?? '').slice(0, 500) || 'upload'
    const declared = Number(req.headers['content-length'])
    if (Number.isFinite(declared) && declared > maxBody) return refuseTooLarge(req, res)
    let bytes: Buffer
    try {
      bytes = await readBody(req, maxBody)
    } catch (e) {
      if (e instanceof BodyTooLarge) return refuseTooLarge(req, res)
      throw e
    }
    sendJson(res, 200, { ok: true, value: { id: uploads.put(name, bytes), name, bytes: bytes.length } })
  }

  function hasToken(req: IncomingMessage): boolean {
    const header = req.headers.authorization ?? ''
    const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '')
    return given.length === tokenBytes.length && timingSafeEqual(given, tokenBytes)
  }

  /** 413, then close the connection: the rest of an oversized body is never read. */
  function refuseTooLarge(req: IncomingMessage, res: ServerResponse): void {
    res.setHeader('Connection', 'close')
    res.once('finish', () => req.destroy())
    sendJson(res, 413, { ok: false, error: { code: 'invalid_input', message: `Request larger than ${maxBody} bytes` } })
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const found = await readStatic(opts.rendererDir, pathname)
    if (!found) return sendText(res, 404, 'Not found')
    const { file, data } = found
    const ext = file.slice(file.lastIndexOf('.'))
    res.writeHead(200, {
      'Content-Type': MIME[ext] ?? 'application/octet-stream',
      'Content-Length': data.length,
      'Cache-Control': 'no-store'
    })
    res.end(req.method === 'HEAD' ? undefined : data)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    server,
    close: async () => {
      // No new connections; requests already received are answered (for at most a few seconds,
      // so a stuck upload cannot hold the stop), then every connection is closed.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeIdleConnections()
      let timer: NodeJS.Timeout | undefined
      await Promise.race([Promise.all(inFlight), new Promise((r) => (timer = setTimeout(r, DRAIN_MS)))])
      clearTimeout(timer)
      server.closeAllConnections()
      await closed
    }
  }
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (c: Buffer) => {
      size += c.length
      if (size > max) {
        // Stop buffering; the caller answers 413 and closes the connection.
        req.off('data', onData)
        req.pause()
        chunks.length = 0
        reject(new BodyTooLarge())
        return
      }
      chunks.push(c)
    }
    req.on('data', onData)
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function setCommonHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY)
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'no-referrer')
  res.setHeader('X-Frame-Options', 'DENY')
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
}

function sendJson(res: ServerResponse, status: number, body: ApiResponse<unknown>): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(text)
}

/**
 * A result that carries bytes (BYTES_FIELDS): the bytes as the body, written part by part, and the
 * rest of the result as JSON in a header, which the page's client puts back together.
 */
function sendBytes(res: ServerResponse, value: Record<string, unknown>, field: string): void {
  const parts = value[field] as Uint8Array[]
  const rest = { ...value, [field]: undefined }
  res.writeHead(200, {
    'Content-Type': 'application/octet-stream',
    'Content-Length': parts.reduce((n, p) => n + p.length, 0),
    'Cache-Control': 'no-store',
    [RESULT_HEADER]: resultHeaderValue(rest)
  })
  for (const p of parts) res.write(p)
  res.end()
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' })
  res.end(text)
}
