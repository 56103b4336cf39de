#!/usr/bin/env node
// Electronegativity (Doyensec's Electron security scanner) over the sources, failing on any
// finding that is not justified where it is flagged. A justification is a comment on the flagged
// line or in the comment block right above it, naming the check and why it does not apply:
//
//   // electronegativity-ok(CONTEXT_ISOLATION_JS_CHECK, SANDBOX_JS_CHECK): webPreferences come from …
//
// Naming the check keeps a justification from silencing a different, new finding on that line.
// Runs offline: the scanner's attempt to fetch translations fails and it falls back to English;
// the one check that needs the network (AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK, which compares
// the Electron version with the online release list) is skipped, and the pinned version (>= 45)
// is checked by src/main/security-static.test.ts instead.
//
// Usage: node scripts/electronegativity.mjs [--input DIR] [--json FILE]
import { createRequire } from 'node:module'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const root = fileURLToPath(new URL('..', import.meta.url))
const require = createRequire(import.meta.url)

const { values } = parseArgs({ options: { input: { type: 'string', default: 'src' }, json: { type: 'string' } } })
const input = resolve(root, values.input)
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
// The scanner reads the Electron version from a package.json inside the scanned folder; src has
// none, so tell it, or it assumes Electron 0.1 and judges every default by that.
const electronVersion = (pkg.devDependencies?.electron ?? pkg.dependencies?.electron ?? '').replace(/^[^\d]*/, '')

const MARKER = /electronegativity-ok\(([A-Z0-9_,\s]+)\):\s*(\S.{9,})/
const COMMENT_LINE = /^\s*(\/\/|\/\*|\*|<!--)/
const ABOVE = 6

/** Check ids justified at a line: on it, or in the comment lines directly above it. */
function justifiedAt(lines, lineNo) {
  const found = new Map()
  const consider = (text) => {
    const m = MARKER.exec(text)
    if (m) for (const id of m[1].split(',').map((s) => s.trim()).filter(Boolean)) found.set(id, m[2].replace(/\s*(-->|\*\/)\s*$/, '').trim())
  }
  if (lineNo >= 1 && lineNo <= lines.length) consider(lines[lineNo - 1])
  for (let i = lineNo - 1; i >= 1 && i >= lineNo - ABOVE; i--) {
    if (!COMMENT_LINE.test(lines[i - 1])) break
    consider(lines[i - 1])
  }
  return found
}

const run = require('@doyensec/electronegativity')
console.error(`electronegativity: scanning ${values.input} (Electron ${electronVersion || 'unknown'})…`)
const result = await run(
  {
    input,
    output: undefined,
    isSarif: false,
    customScan: [],
    excludeFromScan: ['availablesecurityfixesglobalcheck'],
    severitySet: undefined,
    confidenceSet: undefined,
    isRelative: true,
    isVerbose: true,
    electronUpgrade: undefined,
    electronVersionOverride: electronVersion || undefined,
    parserPlugins: []
  },
  false
)

const fileLines = new Map()
const linesOf = (file) => {
  if (!fileLines.has(file)) {
    try {
      fileLines.set(file, readFileSync(join(input, file), 'utf8').split(/\r?\n/))
    } catch {
      fileLines.set(file, null)
    }
  }
  return fileLines.get(file)
}

const findings = result.issues.map((issue) => {
  const line = issue.location?.line ?? 0
  const lines = linesOf(issue.file)
  const reason = lines && line > 0 ? justifiedAt(lines, line).get(issue.id) : undefined
  return {
    id: issue.id,
    file: issue.file,
    line,
    column: issue.location?.column ?? 0,
    severity: issue.severity?.name,
    confidence: issue.confidence?.name,
    description: issue.description,
    justification: reason ?? null
  }
})
// A file the scanner could not parse was not checked at all.
const unreadable = result.errors.filter((e) => !e.tolerable)

// The scanner's own `eng-disable` comments hide a finding without a word of why: not accepted.
function sourcesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourcesUnder(path)
    return /\.(ts|tsx|js|jsx|mjs|cjs|html?)$/.test(e.name) ? [path] : []
  })
}
const silenced = sourcesUnder(input).flatMap((path) =>
  readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .flatMap((text, i) => (/(\/\*|\/\/|<!--)[ \t]*eng-disable/.test(text) ? [`${relative(input, path)}:${i + 1}`] : []))
)

for (const f of findings.filter((f) => f.justification)) {
  console.log(`  justified  ${f.id} ${f.file}:${f.line} — ${f.justification}`)
}
const open = findings.filter((f) => !f.justification)
for (const f of open) {
  console.log(`  FINDING    ${f.id} [${f.severity}/${f.confidence}] ${f.file}:${f.line}:${f.column} — ${f.description}`)
}
for (const e of unreadable) console.log(`  UNREADABLE ${e.file}: ${e.message}`)
for (const where of silenced) console.log(`  SILENCED   ${where}: an eng-disable comment hides findings; use electronegativity-ok(CHECK_ID): <reason>`)

if (values.json) writeFileSync(values.json, JSON.stringify({ electronVersion, findings, errors: result.errors }, null, 2))

console.log(
  `electronegativity: ${result.globalChecks + result.atomicChecks} checks, ${findings.length} findings, ` +
    `${findings.length - open.length} justified, ${open.length} not justified, ${unreadable.length} unreadable files, ${silenced.length} eng-disable comments`
)
if (open.length || unreadable.length || silenced.length) {
  console.log(
    'electronegativity: fix each finding above, or, where it does not apply, say why in a comment on or right above the flagged line:\n' +
      '  // electronegativity-ok(CHECK_ID): <reason>   (in HTML: <!-- electronegativity-ok(CHECK_ID): <reason> -->)'
  )
  process.exit(1)
}
