/**
 * What a store file holds, in the analyst's words: the recovery banner names the damaged file,
 * and "events/0fd.json" alone does not tell anyone that some events and their notes are missing
 * from the table, or that an empty Companies screen is the damage, not a fresh start.
 * The layout is docs/ARCHITECTURE.md's: one meta file, 1,024 event shards, one file per series
 * (`series/<ticker>-<time>-<random>.json`, series-repo.ts).
 */
export const META_FILE = 'capwatch.json'

export function whatFileHeld(file: string): string {
  const name = file.replace(/\\/g, '/')
  if (name === META_FILE) {
    return 'all companies, their listings and share schedules, the settings, and the list of imported price series (the price files themselves are intact)'
  }
  if (/^events\/[0-9a-f]{3}\.json$/.test(name)) return 'some events and their notes'
  const series = /^series\/(.+)-[0-9a-z]+-[0-9a-z]+\.json$/.exec(name)
  if (series) return `the prices of ${series[1]}`
  return 'part of the workspace'
}
