import type { CliCommand } from '../command'

export const exportCommands: CliCommand[] = []
