/**
 * The host serves the renderer folder and nothing else: no URL, however it is encoded, reads a
 * file outside that folder (here, a secret file right beside it, and a symbolic link to it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdir, symlink } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { resolveStatic } from './static-files'
import { INDEX_HTML, openTestHost, rawRequest, SECRET, type TestHost } from './host-fixture'

let t: TestHost
let symlinksMade = false

beforeAll(async () => {
  t = await openTestHost()
  try {
    // Links inside the renderer folder that point out of it: a file and a folder.
    await symlink(t.secretFile, join(t.rendererDir, 'secret-link.txt'))
    await mkdir(join(t.dir, 'outside'), { recursive: true })
    await symlink(t.dir, join(t.rendererDir, 'assets', 'up'))
    symlinksMade = true
  } catch {
    // Some filesystems (and Windows without privileges) cannot make links; those cases are skipped.
  }
})
afterAll(() => t.close())

const attempts = (secret: string): string[] => [
  '/../secret.txt',
  '/..%2fsecret.txt',
  '/..%2Fsecret.txt',
  '/%2e%2e/secret.txt',
  '/%2e%2e%2fsecret.txt',
  '/%2E%2E%2Fsecret.txt',
  '/assets/../../secret.txt',
  '/assets/%2e%2e/%2e%2e/secret.txt',
  '/assets/..%2f..%2fsecret.txt',
  '/..%5csecret.txt',
  '/..\\secret.txt',
  '/assets\\..\\..\\secret.txt',
  '/%2e%2e%5csecret.txt',
  '/%00/../secret.txt',
  '/secret.txt%00.html',
  '/index.html%00',
  '/%252e%252e/secret.txt',
  '/..%c0%afsecret.txt',
  '/%c0%ae%c0%ae/secret.txt',
  `/${secret}`,
  `//${secret}`,
  `/${encodeURIComponent(secret)}`,
  `/%2f${secret.replace(/^\//, '')}`,
  '/C:/Windows/win.ini',
  '/C:%5cWindows%5cwin.ini',
  '/\\\\server\\share\\secret.txt',
  '/.%2e/secret.txt',
  '/assets/up/secret.txt',
  '/secret-link.txt'
]

describe('static files stay inside the renderer folder', () => {
  it('serves the app itself', async () => {
    expect((await rawRequest(t.host.port, { path: '/' })).status).toBe(200)
    expect((await rawRequest(t.host.port, { path: '/index.html' })).status).toBe(200)
    const js = await rawRequest(t.host.port, { path: '/assets/app.js' })
    expect(js.status).toBe(200)
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8')
  })

  it('answers 404 to every traversal attempt, and never with the secret', async () => {
    if (!symlinksMade) console.warn('static-files.test: symbolic links could not be made here; the link cases only check 404')
    for (const path of attempts(t.secretFile)) {
      const res = await rawRequest(t.host.port, { path })
      expect(res.body, path).not.toContain(SECRET)
      expect(res.status, path).toBe(404)
    }
  })

  it('resolves plain dot segments as URLs do, which cannot climb above the root', async () => {
    for (const path of ['/..', '/../..', '/assets/../index.html', '/./index.html']) {
      const res = await rawRequest(t.host.port, { path })
      expect(res.body, path).toBe(INDEX_HTML)
    }
  })

  it('answers 404 for folders and missing files', async () => {
    for (const path of ['/assets', '/assets/', '/missing.js', '/assets/missing.js']) {
      expect((await rawRequest(t.host.port, { path })).status, path).toBe(404)
    }
  })

  it('refuses writes to static paths', async () => {
    const res = await rawRequest(t.host.port, { method: 'PUT', path: '/index.html', body: 'overwritten' })
    expect(res.status).toBe(405)
    expect((await rawRequest(t.host.port, { path: '/' })).body).not.toContain('overwritten')
  })
})

describe('resolveStatic maps a URL path to a file under the root, or to nothing', () => {
  const root = resolve('/srv/capwatch/renderer')

  it('maps / to index.html and plain paths inside the root', () => {
    expect(resolveStatic(root, '/')).toBe(join(root, 'index.html'))
    expect(resolveStatic(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'))
    expect(resolveStatic(root, '/assets/a%20b.js')).toBe(join(root, 'assets', 'a b.js'))
  })

  it('refuses every path that would leave the root or is ambiguous', () => {
    for (const path of attempts('/etc/passwd')) {
      const file = resolveStatic(root, path)
      if (file !== null) expect(file.startsWith(root + '/') && !file.includes('..'), `${path} -> ${file}`).toBe(true)
    }
    for (const path of ['/../x', '/%2e%2e/x', '/..%2fx', '/a/..%2f..%2fx', '/%00', '/..\\x', '/%E0%A4%A', 'relative', '/C:/x']) {
      expect(resolveStatic(root, path), path).toBeNull()
    }
    expect(resolveStatic(root, `/${dirname(root)}/renderer2/x`)).not.toBe(join(dirname(root), 'renderer2', 'x'))
  })
})
