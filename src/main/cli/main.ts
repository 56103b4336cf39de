/**
 * `capwatch`: the command-line adapter over the domain core. Same core, same data directory and
 * same contract as the desktop app and the browser host.
 */
import { parseArgs } from 'node:util'
import { Core } from '../core/core'
import { cliHooks, createHandlers } from '../core/handlers'
import { ApiError } from '../../shared/errors'
import { resolveDataDir } from '../paths'
import { APP_VERSION } from '../core/version'
import type { CliCommand } from './command'
import { COMMANDS } from './commands'

const GLOBAL_USAGE = 'capwatch [--data-dir DIR] <command> [options]'

function topHelp(): string {
  const lines = [`Usage: ${GLOBAL_USAGE}`, '', 'Commands:']
  const width = Math.max(...COMMANDS.map((c) => c.words.join(' ').length))
  for (const c of COMMANDS) lines.push(`  ${c.words.join(' ').padEnd(width)}  ${c.summary}`)
  lines.push(
    '',
    'Options:',
    '  --data-dir DIR  workspace folder (default: $CAPWATCH_DATA_DIR, else the app\'s user-data folder)',
    '  --help          help for any command, e.g. capwatch events add --help',
    '  --version'
  )
  return lines.join('\n')
}

function commandHelp(c: CliCommand): string {
  return [`Usage: capwatch [--data-dir DIR] ${c.usage}`, '', c.summary, ...(c.help ? ['', c.help] : [])].join('\n')
}

/** Split `--data-dir DIR` (anywhere before the command words) from the rest. */
function splitGlobal(argv: string[]): { dataDir?: string; rest: string[] } {
  const rest: string[] = []
  let dataDir: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--data-dir') {
      dataDir = argv[++i]
      if (dataDir === undefined) throw new ApiError('invalid_input', '--data-dir needs a folder')
    } else if (a.startsWith('--data-dir=')) dataDir = a.slice('--data-dir='.length)
    else rest.push(a)
  }
  return { dataDir, rest }
}

function findCommand(rest: string[]): { command: CliCommand; argv: string[] } | null {
  let best: CliCommand | null = null
  for (const c of COMMANDS) {
    if (c.words.every((w, i) => rest[i] === w) && (!best || c.words.length > best.words.length)) best = c
  }
  return best ? { command: best, argv: rest.slice(best.words.length) } : null
}

export async function runCli(argv: string[], io = { out: (l: string) => console.log(l), err: (l: string) => console.error(l) }): Promise<number> {
  let core: Core | null = null
  let keepAlive = false
  try {
    const { dataDir, rest } = splitGlobal(argv)
    if (rest.length === 0 || rest[0] === '--help' || rest[0] === '-h' || rest[0] === 'help') {
      io.out(topHelp())
      return rest.length === 0 ? 1 : 0
    }
    if (rest[0] === '--version') {
      io.out(APP_VERSION)
      return 0
    }
    const found = findCommand(rest)
    if (!found) {
      const group = COMMANDS.filter((c) => c.words[0] === rest[0])
      if (group.length && rest.includes('--help')) {
        io.out(group.map(commandHelp).join('\n\n'))
        return 0
      }
      if (group.length) {
        const known = group.map((c) => `capwatch ${c.words.join(' ')}`).join(', ')
        const what = rest.length === 1 ? `"${rest[0]}" needs a command` : `Unknown command "${rest.slice(0, 2).join(' ')}"`
        throw new ApiError('invalid_input', `${what}: ${known} (add --help for their options)`)
      }
      throw new ApiError('invalid_input', `Unknown command "${rest.slice(0, 2).join(' ')}". Run capwatch --help for the list.`)
    }
    const { command, argv: cmdArgv } = found
    if (cmdArgv.includes('--help') || cmdArgv.includes('-h')) {
      io.out(commandHelp(command))
      return 0
    }
    let parsed
    try {
      parsed = parseArgs({ args: cmdArgv, options: command.options ?? {}, allowPositionals: true, strict: true })
    } catch (e) {
      throw new ApiError('invalid_input', `${(e as Error).message.split('\n')[0]}. Usage: capwatch ${command.usage}`)
    }
    const n = parsed.positionals.length
    const want = command.positionals ?? 0
    const [min, max] = typeof want === 'number' ? [want, want] : want
    if (n < min || n > max) {
      throw new ApiError('invalid_input', `${n < min ? 'Missing' : 'Unexpected'} argument. Usage: capwatch ${command.usage}`)
    }
    if (!command.noCore) {
      core = await Core.open({ dataDir: resolveDataDir(dataDir), adapter: command.adapter ?? 'cli', log: io.err })
    }
    await command.run({
      core: core!,
      handlers: core ? createHandlers(core, cliHooks) : (undefined as never),
      args: parsed.positionals,
      options: parsed.values as CliContext['options'],
      out: io.out,
      err: io.err
    })
    keepAlive = !!command.longRunning
    return 0
  } catch (e) {
    io.err(`capwatch: ${oneLine(e)}`)
    return 1
  } finally {
    if (core && !keepAlive) await core.close().catch(() => {})
  }
}

type CliContext = Parameters<CliCommand['run']>[0]

function oneLine(e: unknown): string {
  if (e instanceof ApiError) {
    const where = e.issues?.[0]?.line ? ` (line ${e.issues[0].line}${e.issues[0].path ? `, ${e.issues[0].path}` : ''})` : ''
    return `${e.message}${where}`.replace(/\s*\n\s*/g, ' ')
  }
  if (e instanceof Error) return e.message.replace(/\s*\n\s*/g, ' ')
  return String(e)
}

// No side effects on import: bin/capwatch.js imports this module and calls runCli itself.
