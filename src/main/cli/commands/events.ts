import type { CliCommand } from '../command'

export const eventCommands: CliCommand[] = []
