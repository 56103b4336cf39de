/**
 * What a store file holds, in the analyst's words: the recovery banner names the damaged file,
 * and "events/0fd.json" alone does not tell anyone that some events and their notes are missing
 * from the table, or that an empty Companies screen is the damage, not a fresh start.
 * The layout is docs/ARCHITECTURE.md's: one meta file, 1,024 event shards, one file per series.
 */
export function whatFileHeld(file: string): string {
  const name = file.replace(/\\/g, '/')
  if (name === 'capwatch.json') {
    return 'all companies with their listings and share schedules, the settings (currencies, FX rates, impact windows) and the list of imported price series (the price files themselves are kept)'
  }
  if (/^events\/[0-9a-f]{3}\.json$/.test(name)) {
    return 'some of the events (about one in 1,024, chosen by their id) with all their notes; the others are all there'
  }
  const series = /^series\/(.+?)-[0-9a-z]+-[0-9a-z]+\.json$/.exec(name)
  if (series) return `the imported prices of ${series[1]} (its company stays, without prices until restored or imported again)`
  return 'part of the workspace'
}
