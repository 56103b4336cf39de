/**
 * Which options a checklist's filter shows, best first: the option named exactly (a ticker typed
 * in full: "EDU"), then those with a word equal to the text, then a word that starts with it
 * ("tal" → TAL, before New Oriental), then those that merely contain it ("Gaotu Techedu"). Enter toggles the first one,
 * so a plain "contains, in list order" linked Gaotu for "EDU".
 */
import type { ChecklistOption } from './Checklist'

export function matchOptions<T extends ChecklistOption>(options: readonly T[], filter: string): readonly T[] {
  const f = filter.trim().toLowerCase()
  if (!f) return options
  const ranked: { o: T; rank: number; i: number }[] = []
  options.forEach((o, i) => {
    const text = `${o.label} ${o.hint ?? ''}`.toLowerCase()
    if (!text.includes(f)) return
    const words = text.split(/[\s·,()]+/).filter(Boolean)
    const rank = o.label.toLowerCase() === f ? 0 : words.includes(f) ? 1 : words.some((w) => w.startsWith(f)) || text.startsWith(f) ? 2 : 3
    ranked.push({ o, rank, i })
  })
  return ranked.sort((a, b) => a.rank - b.rank || a.i - b.i).map((r) => r.o)
}
