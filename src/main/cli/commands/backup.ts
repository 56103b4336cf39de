/** `capwatch backup [--out FILE]`, `capwatch backup list`, `capwatch restore FILE`. */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { ApiError } from '../../../shared/errors'
import { backupService } from '../../core/backup/service'
import { hideTempPaths, prepareOutputFile } from '../../core/output-file'
import type { CliCommand } from '../command'
import type { BackupInfo } from '../../../shared/api'
import { countsInWords } from '../../../shared/workspace-counts'

const kb = (bytes: number): string => `${Math.max(1, Math.round(bytes / 1024))} KB`
/** Said, not guessed: a backup made before Capwatch recorded what it holds has no counts. */
const holdsText = (b: BackupInfo): string => (b.holds ? countsInWords(b.holds) : 'contents not recorded')

const backup: CliCommand = {
  words: ['backup'],
  summary: 'Back up the workspace now (into the data directory\'s backups/, or to --out FILE)',
  usage: 'backup [--out FILE]',
  help: '  --out FILE  write the backup there instead of into <data-dir>/backups/ (its folder must exist,\n              outside the data directory)\nPrints the backup\'s path on its last line.',
  options: { out: { type: 'string' } },
  positionals: 0,
  async run({ core, options, out, err }) {
    const given = options.out as string | undefined
    // A backup written over a live store file (or over a backup in backups/) would destroy what
    // it is meant to keep: the same guard as export --out.
    const target = given !== undefined ? await prepareOutputFile(given, core.dataDir) : undefined
    let made
    try {
      made = await backupService(core).create('manual', target?.path)
    } catch (e) {
      if (target && e instanceof ApiError) throw new ApiError(e.code, hideTempPaths(e.message, target.shown), { file: target.shown })
      throw e
    }
    // What the archive holds, counted at its snapshot: edits saved since are not in it.
    err(`backup: ${holdsText(made)}; ${kb(made.bytes)}`)
    out(given !== undefined ? resolve(given) : made.path)
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
    const width = Math.max(...all.map((b) => holdsText(b).length))
    for (const b of all) out(`${b.createdAt}  ${b.reason.padEnd(14)}  ${kb(b.bytes).padStart(9)}  ${holdsText(b).padEnd(width)}  ${b.id}`)
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

const dismiss: CliCommand = {
  words: ['recovery', 'dismiss'],
  summary: 'Keep working without restoring: stop reporting the damaged files found at start',
  usage: 'recovery dismiss',
  help: 'The damaged files stay in <data-dir>/corrupt/. Until you restore or dismiss, every start warns about them.',
  positionals: 0,
  async run({ core, out }) {
    const n = await backupService(core).dismissProblems()
    out(n === 0 ? 'Nothing to dismiss: no damaged file is being reported' : `Dismissed ${n} damaged ${n === 1 ? 'file' : 'files'}; ${n === 1 ? 'it stays' : 'they stay'} in ${core.dataDir}/corrupt/`)
  }
}

export const backupCommands: CliCommand[] = [backup, list, restore, dismiss]
