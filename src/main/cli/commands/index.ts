/** Every CLI command, in the order `capwatch --help` lists them. Each file owns its commands. */
import type { CliCommand } from '../command'
import { serve } from './serve'
import { eventCommands } from './events'
import { exportCommands } from './export'
import { marketCommands } from './market'
import { backupCommands } from './backup'

export const COMMANDS: CliCommand[] = [serve, ...eventCommands, ...marketCommands, ...exportCommands, ...backupCommands]
