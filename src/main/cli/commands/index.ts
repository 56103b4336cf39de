/** Every CLI command, in the order `capwatch --help` lists them. */
import type { CliCommand } from '../command'
import { serve } from './serve'

export const COMMANDS: CliCommand[] = [serve]
