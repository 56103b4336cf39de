/**
 * `export --out` and `backup --out` write only where the user meant: never over the workspace's
 * own files (however the path is spelled), never over a device, pipe or folder, through a link to
 * the file it names, and never into folders that do not exist. Each refusal is one line naming
 * the path the user typed.
 */
import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs'
import { mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { tempDir } from '../core/test-workspace'
import { capwatch, type CliRun } from './test-cli'

const onLinux = process.platform === 'linux'

/** A workspace that has been opened (so its files exist), a backup in it, and a folder beside it. */
async function workspace(): Promise<{ root: string; dir: string; shard: string; backup: string }> {
  const root = await tempDir()
  const dir = join(root, 'data')
  const made = await capwatch(dir, 'backup')
  expect(made.code).toBe(0)
  const shard = readdirSync(join(dir, 'events')).find((n) => n.endsWith('.json'))!
  return { root, dir, shard: join(dir, 'events', shard), backup: made.last }
}

/** Every file of the workspace with a hash of its bytes, to prove a refused command changed none. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name === 'capwatch.lock') continue
    const path = join(entry.parentPath, entry.name)
    files[path] = createHash('sha256').update(await readFile(path)).digest('hex')
  }
  return files
}

/** Each command's own open may add the daily backup; nothing that existed may change. */
async function expectUnchanged(dir: string, before: Record<string, string>): Promise<void> {
  const after = await snapshot(dir)
  for (const [path, hash] of Object.entries(before)) expect({ path, hash: after[path] }).toEqual({ path, hash })
}

function expectRefusal(run: CliRun, ...mentions: string[]): void {
  expect(run.code).toBe(1)
  expect(run.out).toEqual([])
  expect(run.err).toHaveLength(1)
  for (const m of mentions) expect(run.err[0]).toContain(m)
  expect(run.err[0]).not.toContain('.tmp-')
}

describe('an --out path inside the data directory is refused, and the workspace is untouched', () => {
  it('refuses to export over capwatch.json, an events shard or a backup, spelled plainly or with ..', async () => {
    const { dir, shard, backup } = await workspace()
    const before = await snapshot(dir)
    for (const target of [join(dir, 'capwatch.json'), shard, backup, `${dir}/events/../capwatch.json`, join(dir, 'report.csv')]) {
      expectRefusal(await capwatch(dir, 'export', 'events', '--out', target), target, 'inside the data directory')
    }
    await expectUnchanged(dir, before)
    // The workspace still opens with its starter events.
    const list = await capwatch(dir, 'events', 'list', '--json')
    expect(JSON.parse(list.out.join('\n')).length).toBeGreaterThanOrEqual(25)
  })

  it('refuses a backup written over the live store or over an earlier backup', async () => {
    const { dir, backup } = await workspace()
    const before = await snapshot(dir)
    for (const target of [join(dir, 'capwatch.json'), backup]) {
      expectRefusal(await capwatch(dir, 'backup', '--out', target), target, 'inside the data directory')
    }
    await expectUnchanged(dir, before)
  })

  it('sees through links: a link to capwatch.json, or to the data directory, is refused too', async () => {
    const { root, dir } = await workspace()
    const before = await snapshot(dir)
    await symlink(join(dir, 'capwatch.json'), join(root, 'innocent.csv'))
    await symlink(dir, join(root, 'alias'))
    expectRefusal(await capwatch(dir, 'export', 'events', '--out', join(root, 'innocent.csv')), join(root, 'innocent.csv'), 'inside the data directory')
    expectRefusal(await capwatch(dir, 'export', 'events', '--out', join(root, 'alias', 'capwatch.json')), 'inside the data directory')
    expectRefusal(await capwatch(dir, 'backup', '--out', join(root, 'alias', 'new.gz')), 'inside the data directory')
    await expectUnchanged(dir, before)
    expect(lstatSync(join(root, 'innocent.csv')).isSymbolicLink()).toBe(true)
  })

  it('still writes next to the data directory, in a folder whose name starts the same', async () => {
    const { root, dir } = await workspace()
    await mkdir(join(root, 'data-reports'))
    const file = join(root, 'data-reports', 'events.csv')
    expect((await capwatch(dir, 'export', 'events', '--out', file)).code).toBe(0)
    expect((await readFile(file, 'utf8')).startsWith('id,date,title')).toBe(true)
  })
})

describe('--out names a file: links are followed, special files refused', () => {
  it('writes through a link to the file it points to, and leaves the link a link', async () => {
    const { root, dir } = await workspace()
    await writeFile(join(root, 'real.csv'), 'old')
    await symlink(join(root, 'real.csv'), join(root, 'latest.csv'))
    const run = await capwatch(dir, 'export', 'events', '--out', join(root, 'latest.csv'), '--columns', 'id')
    expect(run.err).toEqual([])
    expect(lstatSync(join(root, 'latest.csv')).isSymbolicLink()).toBe(true)
    expect((await readFile(join(root, 'real.csv'), 'utf8')).startsWith('id\r\n')).toBe(true)
  })

  it('refuses a folder, and a link that points nowhere', async () => {
    const { root, dir } = await workspace()
    await mkdir(join(root, 'folder'))
    expectRefusal(await capwatch(dir, 'export', 'events', '--out', join(root, 'folder')), join(root, 'folder'), 'a folder')
    await symlink(join(root, 'gone.csv'), join(root, 'dangling.csv'))
    expectRefusal(await capwatch(dir, 'export', 'events', '--out', join(root, 'dangling.csv')), 'dangling.csv', 'gone.csv', 'does not exist')
    expect(existsSync(join(root, 'gone.csv'))).toBe(false)
  })

  it.skipIf(!onLinux)('refuses a named pipe and a device (/dev/full) instead of replacing them with a file', async () => {
    const { root, dir } = await workspace()
    const fifo = join(root, 'pipe')
    execFileSync('mkfifo', [fifo])
    expectRefusal(await capwatch(dir, 'export', 'events', '--out', fifo), fifo, 'named pipe')
    expect(statSync(fifo).isFIFO()).toBe(true)
    expectRefusal(await capwatch(dir, 'export', 'events', '--out', '/dev/full'), '/dev/full', 'a device')
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true)
  })
})

describe('--out never creates folders', () => {
  it('refuses an export or a backup into a folder that does not exist, and creates none', async () => {
    const { root, dir } = await workspace()
    const deep = join(root, 'deep', 'a', 'b', 'c')
    expectRefusal(await capwatch(dir, 'export', 'events', '--out', join(deep, 'n.csv')), `folder ${deep} does not exist`)
    expectRefusal(await capwatch(dir, 'backup', '--out', join(deep, 'n.gz')), `folder ${deep} does not exist`)
    expect(existsSync(join(root, 'deep'))).toBe(false)
  })

  it.skipIf(!onLinux)('names the file the user gave when the system refuses it, never a temp file', async () => {
    const { dir } = await workspace()
    expectRefusal(await capwatch(dir, 'export', 'events', '--out', '/proc/x.csv'), 'Could not write /proc/x.csv')
  })

  it.skipIf(process.getuid?.() === 0 || process.platform === 'win32')('says "permission denied" for a folder the user may not write to', async () => {
    const { root, dir } = await workspace()
    const locked = join(root, 'locked')
    await mkdir(locked, { mode: 0o500 })
    expectRefusal(await capwatch(dir, 'export', 'events', '--out', join(locked, 'x.csv')), join(locked, 'x.csv'), 'permission denied')
  })
})
