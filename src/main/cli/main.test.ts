/** The CLI's common behaviour: --help on every command, and one-line errors with exit code 1. */
import { describe, expect, it } from 'vitest'
import { tempDir } from '../core/test-workspace'
import { COMMANDS } from './commands'
import { capwatch } from './test-cli'

describe('capwatch --help', () => {
  it('lists every command at the top level', async () => {
    const run = await capwatch(await tempDir(), '--help')
    expect(run.code).toBe(0)
    for (const c of COMMANDS) expect(run.out.some((l) => l.trim().startsWith(c.words.join(' ')))).toBe(true)
  })

  it.each(COMMANDS.map((c) => [c.words.join(' '), c.words]))('explains "%s" with its usage, and opens no workspace', async (_, words) => {
    const dir = await tempDir()
    const run = await capwatch(dir, ...words, '--help')
    expect(run.code).toBe(0)
    expect(run.err).toEqual([])
    expect(run.out[0]).toMatch(new RegExp(`^Usage: capwatch \\[--data-dir DIR\\] ${words.join(' ')}`))
  })

  it('explains a group of commands', async () => {
    const run = await capwatch(await tempDir(), 'events', '--help')
    expect(run.code).toBe(0)
    expect(run.out.filter((l) => l.startsWith('Usage:'))).toHaveLength(2)
  })
})

describe('capwatch errors', () => {
  it.each([
    [['frobnicate'], 'Unknown command "frobnicate"'],
    [['events'], 'capwatch events list'],
    [['events', 'remove'], 'Unknown command "events remove"'],
    [['events', 'list', '--csv'], "'--csv'"],
    [['events', 'list', 'extra'], 'Unexpected argument']
  ])('%j is one line on stderr and exit code 1', async (args, mention) => {
    const run = await capwatch(await tempDir(), ...args)
    expect(run.code).toBe(1)
    expect(run.out).toEqual([])
    expect(run.err).toHaveLength(1)
    expect(run.err[0]).toContain(mention)
    expect(run.err[0].startsWith('capwatch: ')).toBe(true)
  })
})
