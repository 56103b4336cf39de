/** `capwatch backup [--out FILE]`, `capwatch backup list`, `capwatch restore FILE`. */
import { existsSync } from 'node:fs'
import { backupService } from '../../core/backup/service'
import type { CliCommand } from '../command'

const kb = (bytes: number): string => `${Math.max(1, Math.round(bytes / 1024))} KB`

const backup: CliCommand = {
  words: ['backup'],
  summary: 'Back up the workspace now (into the data directory\'s backups/, or to --out FILE)',
  usage: 'backup [--out FILE]',
  help: '  --out FILE  write the backup there instead of into <data-dir>/backups/\nPrints the backup\'s path on its last line.',
  options: { out: { type: 'string' } },
  positionals: 0,
  async run({ core, options, out, err }) {
    const made = await backupService(core).create('manual', options.out as string | undefined)
    err(`backup: ${core.store.stats().events} events, ${core.store.stats().notes} notes; ${kb(made.bytes)}`)
    out(made.path)
  }
}

const list: CliCommand = {
  words: ['backup', 'list'],
  summary: 'List the backups in the data directory, newest first',
  usage: 'backup list [--json]',
  options: { json: { type: 'boolean' } },
  positionals: 0,
  async run({ core, options, out }) {
    const all = await backupService(core).list()
    if (options.json) return out(JSON.stringify(all, null, 2))
    if (all.length === 0) return out(`No backups yet in ${backupService(core).dir}`)
    for (const b of all) out(`${b.createdAt}  ${b.reason.padEnd(14)}  ${kb(b.bytes).padStart(9)}  ${b.id}`)
  }
}

const restore: CliCommand = {
  words: ['restore'],
  summary: 'Replace the workspace with a backup (the current state is backed up first)',
  usage: 'restore FILE',
  help: '  FILE  a backup file (from `capwatch backup`), or the name of one in <data-dir>/backups/\nThe backup is checked completely first: a damaged one is refused and nothing changes.',
  positionals: 1,
  async run({ core, args, out, err }) {
    const service = backupService(core)
    const [file] = args
    const result = existsSync(file) || file.includes('/') || file.includes('\\') ? await service.restoreFile(file) : await service.restoreId(file)
    const s = core.store.stats()
    if (result.safetyBackup) err(`restore: the previous state is kept as ${result.safetyBackup.id} in ${service.dir}`)
    out(`Restored ${result.backup.id} (made ${result.backup.createdAt}): ${s.events} events, ${s.notes} notes, ${s.companies} companies`)
  }
}

export const backupCommands: CliCommand[] = [backup, list, restore]
