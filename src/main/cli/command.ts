/**
 * How a CLI command is declared: its words (`events add`), its options (node:util parseArgs
 * syntax), its help, and what it does with an open core. main.ts does the rest: data directory,
 * --help on every command, one clear error line on stderr and exit code 1.
 */
import type { ParseArgsConfig } from 'node:util'
import type { Core } from '../core/core'
import type { Handlers } from '../core/dispatch'

export interface CliContext {
  core: Core
  handlers: Handlers
  /** Positional arguments after the command words. */
  args: string[]
  options: Record<string, string | boolean | string[] | undefined>
  out: (line: string) => void
  err: (line: string) => void
}

export interface CliCommand {
  words: string[]
  /** One line: what it does. */
  summary: string
  /** Usage after `capwatch [--data-dir DIR]`, e.g. `events add --date YYYY-MM-DD --title T`. */
  usage: string
  /** Extra help text (option descriptions), shown by --help. */
  help?: string
  options?: NonNullable<ParseArgsConfig['options']>
  /** Exact number of positional arguments, or [min, max]. */
  positionals?: number | [number, number]
  /** Keeps the process alive (serve): main does not close the core after run resolves. */
  longRunning?: boolean
  /** Opens the data directory as this adapter (named in the lock); default 'cli'. */
  adapter?: 'browser'
  /**
   * The contract's field paths (`fields.title`, `eventId`) by the name the user typed (`--title`,
   * `EVENT_ID`), so that an error the contract's schema raises names the option, not the API.
   */
  fields?: Record<string, string>
  /** Does not need the core (no data directory opened). */
  noCore?: boolean
  /**
   * True when the command, with these options, promises to write nothing (a dry run): the data
   * directory is opened without its daily backup, and one that holds no workspace yet is left
   * uncreated, the command running on a scratch starter workspace removed afterwards.
   */
  writesNothing?: (options: CliContext['options']) => boolean
  run(ctx: CliContext): Promise<void> | void
}
