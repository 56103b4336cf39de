/**
 * Where a test's screenshot goes: into docs/screenshots when refreshing the README's pictures
 * (CAPWATCH_SCREENSHOTS=1), else beside the test's other output, so that `npm test` never leaves
 * the working tree modified.
 */
import { test } from '@playwright/test'
import { join } from 'node:path'
import { ROOT } from './host'

export function shotPath(name: string): string {
  return process.env.CAPWATCH_SCREENSHOTS ? join(ROOT, 'docs', 'screenshots', name) : test.info().outputPath(name)
}
