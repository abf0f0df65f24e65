// Writes a brotli (.br) and a gzip (.gz) copy beside every compressible file of the build, so the server
// sends those with Content-Encoding instead of compressing on each request (issue 10). `npm run build` runs
// it after `vite build`; Node's own zlib does the work, so it needs no package.
// Usage: node scripts/precompress.mjs [dir]   (default: dist)
import { readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const compressible = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.map', '.webmanifest', '.ttf', '.ico'])
// Below this a copy saves less than a network packet holds.
const minimumBytes = 1024

function* filesUnder(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* filesUnder(path)
    else if (entry.isFile()) yield path
  }
}

// Keeps a copy only when it is smaller. The server serves a copy only when it is not older than its original,
// so the copy gets the original's modification time (and keeps it through `cp -p` or rsync).
function writeCopy(path, bytes, original, mtime) {
  if (bytes.length >= original.length) {
    rmSync(path, { force: true })
    return original.length
  }
  writeFileSync(path, bytes)
  utimesSync(path, mtime, mtime)
  return bytes.length
}

const dir = process.argv[2] ?? 'dist'
const totals = { files: 0, original: 0, br: 0, gzip: 0 }
for (const path of [...filesUnder(dir)]) {
  if (!compressible.has(extname(path))) continue
  const original = readFileSync(path)
  if (original.length < minimumBytes) continue
  // Node sets times in milliseconds: the original is set to its own time rounded so, or its copies, set to
  // that, would be older by the nanoseconds cut off.
  const mtime = statSync(path).mtime
  utimesSync(path, mtime, mtime)
  const br = brotliCompressSync(original, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: original.length,
    },
  })
  const gzip = gzipSync(original, { level: constants.Z_BEST_COMPRESSION })
  totals.files += 1
  totals.original += original.length
  totals.br += writeCopy(`${path}.br`, br, original, mtime)
  totals.gzip += writeCopy(`${path}.gz`, gzip, original, mtime)
}
const kB = (bytes) => `${Math.round(bytes / 1024)} kB`
console.log(`precompress: ${totals.files} files in ${dir}, ${kB(totals.original)} → br ${kB(totals.br)}, gzip ${kB(totals.gzip)}`)
