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

/** Draw the chart, its title and legend onto a canvas and download it as `filename`. */
export async function exportChartPng(svg: SVGSVGElement, filename: string, title: string, legend: PngLegendItem[]): Promise<void> {
  const box = svg.getBoundingClientRect()
  const width = Math.round(box.width)
  const chartHeight = Math.round(box.height)
  const titleHeight = 28
  const legendRows = Math.ceil(legend.length / Math.max(1, Math.floor(width / 170)))
  const legendHeight = legend.length ? legendRows * 18 + 8 : 0
  const height = titleHeight + chartHeight + legendHeight

  const canvas = document.createElement('canvas')
  canvas.width = width * SCALE
  canvas.height = height * SCALE
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('This browser cannot draw on a canvas')
  ctx.scale(SCALE, SCALE)
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, width, height)
  ctx.fillStyle = '#222'
  ctx.font = '600 14px system-ui, sans-serif'
  ctx.fillText(title, 10, 19)
  ctx.drawImage(await svgImage(svg, width, chartHeight), 0, titleHeight, width, chartHeight)

  ctx.font = '12px system-ui, sans-serif'
  const perRow = Math.max(1, Math.floor(width / 170))
  legend.forEach((item, i) => {
    const x = 10 + (i % perRow) * 170
    const y = titleHeight + chartHeight + 4 + Math.floor(i / perRow) * 18
    ctx.fillStyle = item.color
    ctx.fillRect(x, y + 3, 12, 10)
    ctx.fillStyle = '#222'
    ctx.fillText(item.label, x + 18, y + 12, 148)
  })

  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
  if (!blob) throw new Error('The chart image could not be encoded as PNG')
  downloadBlob(filename, blob)
}
