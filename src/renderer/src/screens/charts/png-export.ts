/**
 * Export a chart as PNG without any network: serialise the chart's SVG, draw it on a canvas (the
 * CSP allows data: and blob: images), add the title and the legend (which are HTML, not SVG), then
 * download the canvas as a blob: URL through an <a download>.
 */
import { downloadBlob } from '../../api/client'

export interface PngLegendItem {
  label: string
  color: string
}

const SCALE = 2

function svgImage(svg: SVGSVGElement, width: number, height: number): Promise<HTMLImageElement> {
  const clone = svg.cloneNode(true) as SVGSVGElement
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg')
  clone.setAttribute('width', String(width))
  clone.setAttribute('height', String(height))
  // Stylesheets do not travel with a serialised SVG: set the font the page uses on the root.
  clone.setAttribute('style', `font-family: ${getComputedStyle(svg).fontFamily}; font-size: 12px`)
  const text = new XMLSerializer().serializeToString(clone)
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }))
  return new Promise((resolve, reject) => {
    const img = new Image()
    img.onload = () => {
      URL.revokeObjectURL(url)
      resolve(img)
    }
    img.onerror = () => {
      URL.revokeObjectURL(url)
      reject(new Error('The chart could not be drawn as an image'))
    }
    img.src = url
  })
}

const LEGEND_FONT = '12px system-ui, sans-serif'
const LEGEND_ROW = 18
const SWATCH = 12
const GAP = 22

/**
 * Legend entries flowed left to right at their measured widths, wrapping to a new row when the
 * next one would not fit: fixed slots made long names ("0700.HK Tencent Holdings") run into the
 * next entry, or squeezed them illegibly.
 */
function layoutLegend(ctx: CanvasRenderingContext2D, legend: PngLegendItem[], width: number): { x: number; row: number; item: PngLegendItem }[] {
  ctx.font = LEGEND_FONT
  const out: { x: number; row: number; item: PngLegendItem }[] = []
  let x = 10
  let row = 0
  for (const item of legend) {
    const w = SWATCH + 6 + Math.ceil(ctx.measureText(item.label).width)
    if (x > 10 && x + w > width - 10) {
      row++
      x = 10
    }
    out.push({ x, row, item })
    x += w + GAP
  }
  return out
}

/** Draw the chart, its title and legend onto a canvas and download it as `filename`. */
export async function exportChartPng(svg: SVGSVGElement, filename: string, title: string, legend: PngLegendItem[]): Promise<void> {
  const box = svg.getBoundingClientRect()
  const width = Math.round(box.width)
  const chartHeight = Math.round(box.height)
  const titleHeight = 28

  const canvas = document.createElement('canvas')
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('This browser cannot draw on a canvas')
  const placed = layoutLegend(ctx, legend, width)
  const legendHeight = placed.length ? (placed[placed.length - 1].row + 1) * LEGEND_ROW + 8 : 0
  const height = titleHeight + chartHeight + legendHeight
  // Resizing a canvas resets its context, so the size is set after measuring and before drawing.
  canvas.width = width * SCALE
  canvas.height = height * SCALE
  ctx.scale(SCALE, SCALE)
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, width, height)
  ctx.fillStyle = '#222'
  ctx.font = '600 14px system-ui, sans-serif'
  ctx.fillText(title, 10, 19)
  ctx.drawImage(await svgImage(svg, width, chartHeight), 0, titleHeight, width, chartHeight)

  ctx.font = LEGEND_FONT
  for (const { x, row, item } of placed) {
    const y = titleHeight + chartHeight + 4 + row * LEGEND_ROW
    ctx.fillStyle = item.color
    ctx.fillRect(x, y + 3, SWATCH, 10)
    ctx.fillStyle = '#222'
    ctx.fillText(item.label, x + SWATCH + 6, y + 12)
  }

  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
  if (!blob) throw new Error('The chart image could not be encoded as PNG')
  downloadBlob(filename, blob)
}
