/**
 * The corpus and its README stay one: every fixture is listed in the README and used by a test,
 * every fixture stays small (big inputs are generated, never committed), and the README's table
 * still counts at least the 40 cases the issue asks for.
 */
import { describe, expect, it } from 'vitest'
import { readFile, readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { FIXTURES } from './corpus-kit'

const HERE = fileURLToPath(new URL('.', import.meta.url))

describe('the corpus index', () => {
  it('lists and uses every fixture, each under 2 KB, in at least 40 numbered cases', async () => {
    const readme = await readFile(join(HERE, 'README.md'), 'utf8')
    const tests = (await readdir(HERE)).filter((f) => f.endsWith('.test.ts') && f !== 'corpus-index.test.ts')
    const testText = (await Promise.all(tests.map((f) => readFile(join(HERE, f), 'utf8')))).join('\n')
    // Dotfiles (.gitattributes keeps the bytes exact) are not inputs.
    const fixtures = (await readdir(FIXTURES)).filter((f) => !f.startsWith('.'))
    expect(fixtures.length).toBeGreaterThan(25)
    for (const f of fixtures) {
      expect(readme, `README lists ${f}`).toContain(`\`${f}\``)
      expect(testText, `a test uses ${f}`).toContain(`'${f}'`)
      expect((await stat(join(FIXTURES, f))).size, `${f} is small`).toBeLessThan(2048)
    }
    const numbered = readme.split('\n').filter((l) => /^\| \d+ \|/.test(l)).map((l) => Number(l.split('|')[1]))
    expect(numbered).toEqual(numbered.map((_, i) => i + 1))
    expect(numbered.length).toBeGreaterThanOrEqual(40)
  })
})
