/**
 * Notes are markdown the analyst wrote, often pasted from articles: render them as inert HTML.
 * Links become plain text with the address in a tooltip (the app must never navigate away or open
 * a window from a note), images become their alt text (an <img> would fetch from the network),
 * raw HTML is shown as text, and DOMPurify keeps only an allow-list of formatting tags as a
 * second guard, so nothing in a note can run.
 */
import DOMPurify from 'dompurify'
import { Marked, type Tokens } from 'marked'

const md = new Marked({
  gfm: true,
  breaks: true,
  renderer: {
    link(this: { parser: { parseInline(t: Tokens.Link['tokens']): string } }, token: Tokens.Link) {
      return `<span class="mk-link" title="${escapeAttr(token.href)}">${this.parser.parseInline(token.tokens)}</span>`
    },
    image(token: Tokens.Image) {
      return `<span class="mk-image">[image: ${escapeAttr(token.text || token.href)}]</span>`
    },
    // Raw HTML in a note (pasted from a page) is shown as the text it is. Handed on as markup, even
    // DOMPurify's inert parse makes the browser check its event handlers against the CSP, and
    // the console fills with blocked-script reports.
    html(token: Tokens.HTML | Tokens.Tag) {
      return escapeAttr(token.text)
    }
  }
})

const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'em', 'b', 'i', 'u', 's', 'del', 'ins', 'mark',
  'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span', 'div', 'sup', 'sub', 'input'
]
const ALLOWED_ATTR = ['title', 'class', 'colspan', 'rowspan', 'align', 'start', 'type', 'checked', 'disabled']

/** Markdown source to sanitised, inert HTML. */
export function renderMarkdown(source: string): string {
  const html = md.parse(source, { async: false })
  return DOMPurify.sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR, ALLOW_DATA_ATTR: false })
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
