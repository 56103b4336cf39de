/** Run the `capwatch` CLI in-process, as a test would type it, with its output captured. */
import { runCli } from './main'

export interface CliRun {
  code: number
  out: string[]
  err: string[]
  /** The last line printed on stdout (where `events add` prints the new id). */
  last: string
}

export async function capwatch(dataDir: string, ...args: string[]): Promise<CliRun> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(['--data-dir', dataDir, ...args], { out: (l) => out.push(...l.split('\n')), err: (l) => err.push(l) })
  return { code, out, err, last: out.at(-1) ?? '' }
}
