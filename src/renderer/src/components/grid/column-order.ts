/**
 * Moving a column one place left or right in the Columns menu, as the table shows it: a visible
 * column moves past the next visible one (hidden columns between them keep their places), so every
 * press changes what the analyst sees. A hidden column just swaps with its neighbour in the list.
 */

/** The order after moving `id` one place in direction `d`; the same array when it cannot move. */
export function moveColumn(order: readonly string[], visible: ReadonlySet<string>, id: string, d: -1 | 1): readonly string[] {
  const i = order.indexOf(id)
  if (i < 0) return order
  if (!visible.has(id)) {
    const j = i + d
    if (j < 0 || j >= order.length) return order
    const next = [...order]
    ;[next[i], next[j]] = [next[j], next[i]]
    return next
  }
  let j = i + d
  while (j >= 0 && j < order.length && !visible.has(order[j])) j += d
  if (j < 0 || j >= order.length) return order
  const next = order.filter((c) => c !== id)
  // Past the neighbour: before it when moving left, after it when moving right.
  const at = next.indexOf(order[j]) + (d === 1 ? 1 : 0)
  next.splice(at, 0, id)
  return next
}

export function canMoveColumn(order: readonly string[], visible: ReadonlySet<string>, id: string, d: -1 | 1): boolean {
  return moveColumn(order, visible, id, d) !== order
}
