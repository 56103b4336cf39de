import type { CliCommand } from '../command'

export const marketCommands: CliCommand[] = []
