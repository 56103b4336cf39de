/**
 * Importing from a path that is not a regular file: a named pipe (reading it would wait forever),
 * a device such as /dev/zero (reading it never ends), a link to either, or a file too large to be
 * held as text. Each is refused at once with a line that names the file, and nothing is written.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { join } from 'node:path'
import { runCli } from '../../cli/main'
import { MAX_BYTES } from './source'
import { failure, openWorkspace, snapshot, writeInput, type Workspace } from './test-kit'

const MAPPING = { dateColumn: 'Date', valueColumn: 'Close', valueKind: 'close', ticker: 'Z' } as const

let ws: Workspace
let before: Map<string, string>
beforeEach(async () => {
  ws = await openWorkspace()
  before = await snapshot(ws.dir)
})
afterEach(async () => {
  expect(await snapshot(ws.dir)).toEqual(before)
  await ws.close()
})

const pathSource = (path: string) => ({ kind: 'path', path })

describe('import from a path that is not a regular file', () => {
  it('a named pipe: inspect and preview refuse it at once', async () => {
    const fifo = join(ws.scratch, 'prices.csv')
    execFileSync('mkfifo', [fifo])
    for (const e of [await failure(ws.call('import:inspect', { source: pathSource(fifo) })), await failure(ws.call('import:preview', { source: pathSource(fifo), mapping: MAPPING }))]) {
      expect(e).toMatchObject({ code: 'invalid_input', file: 'prices.csv' })
      expect(e.message).toBe('prices.csv is a named pipe, not a file: Capwatch reads only regular files')
    }
  })

  it.skipIf(!existsSync('/dev/zero'))('/dev/zero: refused, not read until memory runs out', async () => {
    const e = await failure(ws.call('import:preview', { source: pathSource('/dev/zero'), mapping: MAPPING }))
    expect(e.message).toBe('zero is a device, not a file: Capwatch reads only regular files')
  })

  it('a symbolic link to a named pipe (the check is made on what was opened, not on the name)', async () => {
    const fifo = join(ws.scratch, 'pipe')
    execFileSync('mkfifo', [fifo])
    const link = join(ws.scratch, 'link.csv')
    execFileSync('ln', ['-s', fifo, link])
    expect((await failure(ws.call('import:inspect', { source: pathSource(link) }))).message).toMatch(/^link\.csv is a named pipe/)
  })

  it('a file larger than text can be held (500 MB): refused before reading a byte', async () => {
    const path = await writeInput(ws, 'huge.csv', '')
    const fh = await open(path, 'r+')
    await fh.truncate(MAX_BYTES + 100 * 1024 * 1024) // sparse: costs no disk
    await fh.close()
    const e = await failure(ws.call('import:preview', { source: pathSource(path), mapping: MAPPING }))
    expect(e.message).toBe('huge.csv is 600 MB; the largest file Capwatch reads is 500 MB')
  })
})

describe('capwatch import prices from a named pipe', () => {
  it('one clear line and exit code 1, nothing written', async () => {
    const fifo = join(ws.scratch, 'feed.csv')
    execFileSync('mkfifo', [fifo])
    await ws.core.close() // the CLI opens the folder itself; afterEach's close is then a no-op
    const err: string[] = []
    const code = await runCli(['--data-dir', ws.dir, 'import', 'prices', fifo, '--ticker', 'Z'], { out: () => {}, err: (l) => err.push(l) })
    expect(code).toBe(1)
    expect(err.at(-1)).toBe('capwatch: feed.csv is a named pipe, not a file: Capwatch reads only regular files')
  })
})
