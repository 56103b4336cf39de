/**
 * `capwatch`: the command-line adapter over the domain core. Same core, same data directory and
 * same contract as the desktop app and the browser host.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { Core } from '../core/core'
import { cliHooks, createHandlers } from '../core/handlers'
import { ApiError } from '../../shared/errors'
import { isMethodName } from '../core/dispatch'
import { APP_VERSION } from '../core/version'
import type { CliCommand } from './command'
import { COMMANDS } from './commands'
import { checkDataDir, chooseDataDir } from '../data-dir'
import { printable } from './format'
import { META_FILE } from '../core/store/schema'

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
    if (a !== '--data-dir' && !a.startsWith('--data-dir=')) {
      rest.push(a)
      continue
    }
    // Two folders would leave one of them silently ignored: which one the user meant is unclear.
    if (dataDir !== undefined) throw new ApiError('invalid_input', '--data-dir is given twice; give one folder')
    dataDir = a === '--data-dir' ? argv[++i] : a.slice('--data-dir='.length)
    if (dataDir === undefined || dataDir.startsWith('--')) throw new ApiError('invalid_input', '--data-dir needs a folder')
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

export async function runCli(argv: string[], terminal = { out: (l: string) => console.log(l), err: (l: string) => console.error(l) }): Promise<number> {
  // Every line goes out with its control characters escaped (line breaks kept): text from the
  // workspace or an imported file cannot send escape sequences to the user's terminal.
  const io = { out: (l: string) => terminal.out(printable(l, true)), err: (l: string) => terminal.err(printable(l, true)) }
  let core: Core | null = null
  let keepAlive = false
  // A scratch workspace for a dry run on a directory that holds none yet (removed at the end).
  let scratch: string | undefined
  let command: CliCommand | undefined
  try {
    const { dataDir, rest } = splitGlobal(argv)
    if (rest.length === 0) {
      // Asked for nothing: the usage is the error message (stderr, exit 1), as git does.
      io.err(topHelp())
      return 1
    }
    if (rest[0] === '--help' || rest[0] === '-h' || rest[0] === 'help') {
      io.out(topHelp())
      return 0
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
    command = found.command
    const cmdArgv = found.argv
    if (cmdArgv.includes('--help') || cmdArgv.includes('-h')) {
      io.out(commandHelp(command))
      return 0
    }
    let parsed
    try {
      parsed = parseArgs({ args: cmdArgv, options: command.options ?? {}, allowPositionals: true, strict: true, tokens: true })
    } catch (e) {
      throw new ApiError('invalid_input', `${argsProblem(e, cmdArgv)}. Usage: capwatch ${command.usage}`)
    }
    // parseArgs keeps the last of a repeated option (one not meant to repeat, as --source is):
    // `--title a --title b` would save "b" unsaid.
    const seen = new Set<string>()
    for (const t of parsed.tokens ?? []) {
      if (t.kind !== 'option' || command.options?.[t.name]?.multiple) continue
      if (seen.has(t.name)) throw new ApiError('invalid_input', `--${t.name} is given more than once: give it once. Usage: capwatch ${command.usage}`)
      seen.add(t.name)
    }
    const n = parsed.positionals.length
    const want = command.positionals ?? 0
    const [min, max] = typeof want === 'number' ? [want, want] : want
    if (n < min || n > max) {
      throw new ApiError('invalid_input', `${n < min ? 'Missing' : 'Unexpected'} argument. Usage: capwatch ${command.usage}`)
    }
    if (!command.noCore) {
      const chosen = chooseDataDir(dataDir)
      await checkDataDir(chosen)
      const dry = command.writesNothing?.(parsed.values as CliContext['options']) ?? false
      // A dry run before the first run compares with the starter workspace the first run would
      // create, without creating it where the analyst pointed.
      if (dry && !existsSync(join(chosen.dir, META_FILE))) scratch = await mkdtemp(join(tmpdir(), 'capwatch-dry-run-'))
      try {
        core = await Core.open({ dataDir: scratch ?? chosen.dir, adapter: command.adapter ?? 'cli', log: io.err, ...(dry ? { dailyBackup: false } : {}) })
      } catch (e) {
        if (e instanceof ApiError) throw e
        throw new ApiError('io', `Could not open the data directory ${chosen.dir}: ${(e as Error).message}`)
      }
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
    io.err(`capwatch: ${oneLine(e instanceof ApiError ? inOptionNames(e, command?.fields ?? {}) : e)}`)
    return 1
  } finally {
    if (core && !keepAlive) await core.close().catch(() => {})
    if (scratch) await rm(scratch, { recursive: true, force: true }).catch(() => {})
  }
}

type CliContext = Parameters<CliCommand['run']>[0]

function oneLine(e: unknown): string {
  if (e instanceof ApiError) {
    // Line and field, unless the message already names them (most of the core's messages do).
    const issue = e.issues?.[0]
    // '(file)' is the path of a problem with the file as a whole: its message names the file.
    const field = issue?.path === '(file)' ? '' : (issue?.path ?? '')
    const parts = issue?.line ? [`line ${issue.line}`, field].filter((p) => p && !e.message.includes(p)) : []
    const where = parts.length ? ` (${parts.join(', ')})` : ''
    return `${e.message}${where}`.replace(/\s*\n\s*/g, ' ')
  }
  if (e instanceof Error) return e.message.replace(/\s*\n\s*/g, ' ')
  return String(e)
}

/**
 * parseArgs' message, first line, said the CLI's way. A value starting with '-' (`--shares -5`)
 * is read by parseArgs as a possible option: the user is told to join it with '='.
 */
function argsProblem(e: unknown, argv: string[]): string {
  const message = (e as Error).message
  const code = (e as { code?: string }).code
  const ambiguous = /^Option '(?:-\w, )?(--[^' ]+)[^']*' argument is ambiguous/.exec(message)
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && ambiguous) {
    const option = ambiguous[1]
    const at = argv.indexOf(option)
    const value = at >= 0 && argv[at + 1] !== undefined ? argv[at + 1] : '-5'
    return `${option} ${value}: a value that starts with "-" must be joined to its option with "=", as ${option}=${value}`
  }
  // "Unknown option '--csv'. To specify a positional argument starting with a '-', …": the first sentence says it.
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return message.split(/\.\s/)[0]
  return message.split('\n')[0].replace(/\.+$/, '')
}

/**
 * The contract's schema names fields by their API path (`events:create: fields.title: Too big`).
 * A command knows which option fed each path: the error names the option (`--title: Too big`).
 * Paths a command does not map are kept as they are.
 */
export function inOptionNames(e: ApiError, fields: Record<string, string>): ApiError {
  const method = /^([\w-]+:[\w-]+): /.exec(e.message)?.[1]
  if (e.code !== 'invalid_input' || !method || !isMethodName(method) || !e.issues?.length) return e
  const byName = new Map<string, string[]>()
  for (const issue of e.issues) {
    const name = optionFor(issue.path, fields)
    byName.set(name, [...(byName.get(name) ?? []), issue.message])
  }
  const message = [...byName].map(([name, messages]) => `${name}: ${messages.join('; ')}`).join('; ')
  return new ApiError(e.code, message, { issues: e.issues, file: e.file })
}

/** `fields.sources.2` with {'fields.sources': '--source'} -> `--source (item 3)`. */
function optionFor(path: string, fields: Record<string, string>): string {
  const key = Object.keys(fields)
    .filter((k) => path === k || path.startsWith(`${k}.`))
    .sort((a, b) => b.length - a.length)[0]
  if (key === undefined) return path
  const rest = path.slice(key.length + 1)
  return rest === '' ? fields[key] : /^\d+$/.test(rest) ? `${fields[key]} (item ${Number(rest) + 1})` : `${fields[key]} ${rest}`
}

// No side effects on import: bin/capwatch.js imports this module and calls runCli itself.
