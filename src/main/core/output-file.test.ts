/**
 * The one gate every "save a report / backup to this path" goes through (CLI --out, the desktop
 * save dialog): it says which file will really be written, refuses the workspace's own files
 * however the path is spelled, and writes whole files without creating folders.
 */
import { describe, expect, it } from 'vitest'
import { existsSync, lstatSync, statSync } from 'node:fs'
import { chmod, mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ApiError } from '../../shared/errors'
import { prepareOutputFile, writeOutputFile } from './output-file'
import { tempDir } from './test-workspace'

/** A data directory with its meta file and a shard, and a reports folder beside it. */
async function layout(): Promise<{ root: string; data: string; reports: string }> {
  const root = await tempDir()
  const data = join(root, 'data')
  await mkdir(join(data, 'events'), { recursive: true })
  await writeFile(join(data, 'capwatch.json'), '{"live": true}')
  await writeFile(join(data, 'events', '000.json'), '{"events": []}')
  const reports = join(root, 'reports')
  await mkdir(reports)
  return { root, data, reports }
}

async function refusal(path: string, dataDir: string): Promise<string> {
  const e = await prepareOutputFile(path, dataDir).then(
    () => null,
    (err: unknown) => err
  )
  expect(e).toBeInstanceOf(ApiError)
  return (e as ApiError).message
}

describe('prepareOutputFile: nothing inside the data directory', () => {
  it('refuses the live files, spelled directly, with .., or through a link into the workspace', async () => {
    const { root, data } = await layout()
    await symlink(join(data, 'events'), join(root, 'shards'))
    for (const path of [
      join(data, 'capwatch.json'),
      join(data, 'events', '000.json'),
      `${data}/events/../capwatch.json`,
      join(root, 'shards', '000.json'),
      // The file system reads shards/.. as data/ (the link's parent), not as root/: so must the guard.
      `${root}/shards/../capwatch.json`,
      join(data, 'new-file.csv')
    ]) {
      expect(await refusal(path, data)).toMatch(/inside the data directory/)
    }
    expect(await readFile(join(data, 'capwatch.json'), 'utf8')).toBe('{"live": true}')
  })

  it('also when the data directory itself is reached through a link', async () => {
    const { root, data } = await layout()
    await symlink(data, join(root, 'workspace'))
    expect(await refusal(join(data, 'capwatch.json'), join(root, 'workspace'))).toMatch(/inside the data directory/)
  })

  it('accepts a file beside it, even in a folder whose name begins with the data directory\'s', async () => {
    const { root, data, reports } = await layout()
    await mkdir(join(root, 'data2'))
    expect((await prepareOutputFile(join(root, 'data2', 'x.csv'), data)).path).toBe(join(root, 'data2', 'x.csv'))
    expect((await prepareOutputFile(join(reports, 'x.csv'), data)).path).toBe(join(reports, 'x.csv'))
  })
})

describe('prepareOutputFile: the file the user meant, in a folder that exists', () => {
  it('names a missing folder as the user wrote it, and creates nothing', async () => {
    const { reports, data } = await layout()
    const deep = join(reports, 'deep', 'a', 'b', 'c')
    expect(await refusal(join(deep, 'n.csv'), data)).toBe(`Cannot write ${join(deep, 'n.csv')}: folder ${deep} does not exist`)
    expect(existsSync(join(reports, 'deep'))).toBe(false)
  })

  it('names the file that stands where a folder should be', async () => {
    const { reports, data } = await layout()
    await writeFile(join(reports, 'notes.txt'), 'x')
    expect(await refusal(join(reports, 'notes.txt', 'sub', 'n.csv'), data)).toContain(`${join(reports, 'notes.txt')} is a file, not a folder`)
  })

  it('follows a link to an existing file, and refuses a link to nothing', async () => {
    const { reports, data } = await layout()
    await writeFile(join(reports, 'real.csv'), 'old')
    await symlink(join(reports, 'real.csv'), join(reports, 'latest.csv'))
    const target = await prepareOutputFile(join(reports, 'latest.csv'), data)
    expect(target).toMatchObject({ path: join(reports, 'real.csv'), shown: join(reports, 'latest.csv') })
    await symlink(join(reports, 'missing.csv'), join(reports, 'dangling.csv'))
    expect(await refusal(join(reports, 'dangling.csv'), data)).toContain(`is a link to ${join(reports, 'missing.csv')}, which does not exist`)
  })

  it('refuses a folder, and a name that ends like one', async () => {
    const { reports, data } = await layout()
    expect(await refusal(reports, data)).toContain('is a folder, not a regular file')
    expect(await refusal(`${reports}/new/`, data)).toContain('names a folder')
  })
})

describe('writeOutputFile', () => {
  it('replaces the file whole through a link, keeps the link, and keeps the file\'s permissions', async () => {
    const { reports, data } = await layout()
    const real = join(reports, 'real.csv')
    await writeFile(real, 'old contents '.repeat(1000))
    await chmod(real, 0o640)
    await symlink(real, join(reports, 'latest.csv'))
    await writeOutputFile(await prepareOutputFile(join(reports, 'latest.csv'), data), 'id\r\n1\r\n')
    expect(await readFile(real, 'utf8')).toBe('id\r\n1\r\n')
    expect(lstatSync(join(reports, 'latest.csv')).isSymbolicLink()).toBe(true)
    expect(statSync(real).mode & 0o777).toBe(0o640)
    // No temp file is left beside it.
    expect((await readdir(reports)).sort()).toEqual(['latest.csv', 'real.csv'])
  })
})
