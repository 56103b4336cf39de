/**
 * Test support for the browser host (tests only): a real host from startHost over a real Core in
 * a fresh temp data directory, a small renderer folder with a secret file just outside it, raw
 * HTTP requests with any headers, and a byte-exact snapshot of the store's files.
 */
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { Core } from '../core/core'
import { browserAdapter } from './browser-adapter'
import type { Handlers } from '../core/dispatch'
import { startHost, type RunningHost } from './server'
import type { ApiResponse } from '../../shared/errors'
import { RESULT_HEADER, resultFromHeader } from '../../shared/methods'

export const SECRET = 'capwatch-test-secret: this file lies outside the renderer folder'
export const INDEX_HTML = '<!doctype html><html><head><title>Capwatch</title></head><body><div id="root"></div></body></html>'

export interface TestHost {
  dir: string
  dataDir: string
  rendererDir: string
  /** A file beside the renderer folder that no URL may reach. */
  secretFile: string
  core: Core
  handlers: Handlers
  host: RunningHost
  close(): Promise<void>
}

export async function openTestHost(opts: { maxBodyBytes?: number; log?: (line: string) => void } = {}): Promise<TestHost> {
  const dir = await mkdtemp(join(tmpdir(), 'capwatch-host-'))
  const rendererDir = join(dir, 'renderer')
  await mkdir(join(rendererDir, 'assets'), { recursive: true })
  await writeFile(join(rendererDir, 'index.html'), INDEX_HTML)
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("capwatch")\n')
  const secretFile = join(dir, 'secret.txt')
  await writeFile(secretFile, SECRET)
  const dataDir = join(dir, 'data')
  const core = await Core.open({ dataDir, adapter: 'test', log: () => {} })
  const { handlers, uploads } = browserAdapter(core)
  const host = await startHost({ handlers, rendererDir, uploads, maxBodyBytes: opts.maxBodyBytes, log: opts.log ?? (() => {}) })
  return {
    dir,
    dataDir,
    rendererDir,
    secretFile,
    core,
    handlers,
    host,
    async close() {
      await host.close()
      await core.close()
      await rm(dir, { recursive: true, force: true })
    }
  }
}

export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/**
 * An API answer as the page's client reads it (api/client.ts): JSON, or a result with bytes
 * (server.ts, sendBytes) whose other fields come in a header; `body` then holds the bytes as text.
 */
export function apiAnswer(res: RawResponse): ApiResponse<Record<string, unknown>> {
  if (res.headers['content-type'] !== 'application/octet-stream') return JSON.parse(res.body) as ApiResponse<Record<string, unknown>>
  const header = res.headers[RESULT_HEADER.toLowerCase()]
  return { ok: true, value: { ...resultFromHeader(Array.isArray(header) ? header[0] : header), body: res.body } }
}

/**
 * One HTTP request with exactly the given path and headers (fetch would normalise the path and
 * refuse to set Host). Defaults: Host 127.0.0.1:PORT, no Origin, no token.
 */
export function rawRequest(
  port: number,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; address?: string }
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: opts.address ?? '127.0.0.1',
        port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: { host: `127.0.0.1:${port}`, ...opts.headers },
        setHost: false,
        agent: false
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
        res.on('error', reject)
      }
    )
    req.on('error', reject)
    req.end(opts.body)
  })
}

/** POST /api/<method> with the token and a JSON body. */
export function apiRequest(t: TestHost, method: string, body: string | Buffer, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest(t.host.port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { authorization: `Bearer ${t.host.token}`, 'content-type': 'application/json', ...headers },
    body
  })
}

/** Every file of the data directory and its exact bytes. */
export async function snapshotDir(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  async function walk(dir: string): Promise<void> {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) await walk(path)
      else out.set(relative(root, path), (await readFile(path)).toString('base64'))
    }
  }
  await walk(root)
  return out
}

/** The files that appeared, disappeared or changed between two snapshots (empty when identical). */
export function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  const out: string[] = []
  for (const [name, bytes] of after) {
    if (!before.has(name)) out.push(`added ${name}`)
    else if (before.get(name) !== bytes) out.push(`changed ${name}`)
  }
  for (const name of before.keys()) if (!after.has(name)) out.push(`removed ${name}`)
  return out.sort()
}
