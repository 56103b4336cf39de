/** Shared by the backup tests: a core on a temp folder with a clock the test moves. */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Core, type CoreOptions } from '../core'
import { cliHooks, createHandlers } from '../handlers'
import { listLiveFiles } from '../store/layout'

export class Clock {
  constructor(private t = Date.parse('2026-03-01T09:00:00.000Z')) {}
  now = (): Date => new Date(this.t)
  advance(hours: number): void {
    this.t += hours * 3600_000
  }
}

export async function openCore(dataDir: string, clock: Clock, extra: Partial<CoreOptions> = {}) {
  const core = await Core.open({ dataDir, adapter: 'test', dailyBackup: false, now: clock.now, log: () => {}, ...extra })
  return { core, api: createHandlers(core, cliHooks) }
}

/** Every live file's bytes, to show that a refused restore changed nothing. */
export async function liveBytes(dataDir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const f of await listLiveFiles(dataDir)) out[f] = (await readFile(join(dataDir, f))).toString('base64')
  return out
}
