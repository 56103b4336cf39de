/** A note's markdown shown as sanitised, inert HTML (see markdown.ts for what is allowed). */
import { memo, useMemo } from 'react'
import { renderMarkdown } from './markdown'

export const Markdown = memo(function Markdown({ source, className }: { source: string; className?: string }) {
  const html = useMemo(() => renderMarkdown(source), [source])
  // Sanitised by DOMPurify with an allow-list of formatting tags and attributes (no links, no URLs).
  return <div className={`markdown ${className ?? ''}`} dangerouslySetInnerHTML={{ __html: html }} />
})
