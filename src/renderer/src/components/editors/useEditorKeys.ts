/**
 * The editing conventions every cell editor shares: Enter commits (Shift+Enter is a new line in
 * multi-line editors), Tab / Shift+Tab commit and move to the next / previous cell, Esc cancels,
 * and focus leaving the editor commits (the grid also commits on a click outside it, see
 * `provideRead`).
 */
import { useLayoutEffect, type FocusEvent, type KeyboardEvent } from 'react'
import type { EditorProps } from '../grid/types'

export function useEditorKeys<V>({ commit, cancel, provideRead }: Pick<EditorProps<V>, 'commit' | 'cancel' | 'provideRead'>, read: () => V, opts: { multiline?: boolean } = {}) {
  // The latest draft, for a commit the grid starts (a click outside the editor).
  useLayoutEffect(() => provideRead?.(read))
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault()
      e.stopPropagation()
      cancel()
    } else if (e.key === 'Enter' && !(opts.multiline && e.shiftKey) && !e.nativeEvent.isComposing) {
      e.preventDefault()
      e.stopPropagation()
      commit(read(), 'stay')
    } else if (e.key === 'Tab') {
      e.preventDefault()
      e.stopPropagation()
      commit(read(), e.shiftKey ? 'prev' : 'next')
    }
  }
  /** For the editor's outer element: commit when focus moves outside it (not between its parts). */
  const onBlur = (e: FocusEvent) => {
    if (e.relatedTarget && e.currentTarget.contains(e.relatedTarget as Node)) return
    commit(read(), 'blur')
  }
  return { onKeyDown, onBlur }
}

/**
 * Where a text editor starts, as in a spreadsheet: a character typed on the cell replaces the
 * value (the caret after it); Enter, F2 or a double click keeps the value with the caret at its
 * end, to correct or add to it. (Selecting it all made the first key typed wipe the value.)
 */
export function startText(typed: string | undefined, value: string, selectAll = false) {
  return {
    text: typed ?? value,
    onFocus: (e: FocusEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const el = e.currentTarget
      // A new row's placeholder name is there to be typed over.
      if (selectAll && typed === undefined) el.select()
      else el.setSelectionRange(el.value.length, el.value.length)
    }
  }
}
