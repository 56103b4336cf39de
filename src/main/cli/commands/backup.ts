import type { CliCommand } from '../command'

export const backupCommands: CliCommand[] = []
