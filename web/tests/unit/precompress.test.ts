// scripts/precompress.mjs, which `npm run build` runs after `vite build`: the server serves its copies as the
// original file with a Content-Encoding, so each copy must decode to the original and be no older than it.
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

let dir = ''
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rw-precompress-'))
  mkdirSync(join(dir, 'assets'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const precompress = () => execFileSync(process.execPath, ['scripts/precompress.mjs', dir], { stdio: 'pipe' })
const mtimeNs = (path: string) => statSync(path, { bigint: true }).mtimeNs

describe('precompress', () => {
  it('writes a .br and a .gz that decode to the file and carry its modification time', () => {
    const rows = Array.from({ length: 200 }, (_, id) => ({ id, name: '无锡市新吴区化工有限公司' }))
    const script = `export const rows = ${JSON.stringify(rows)}\n`
    const app = join(dir, 'assets', 'app.js')
    writeFileSync(app, script)
    precompress()
    expect(brotliDecompressSync(readFileSync(`${app}.br`)).toString()).toBe(script)
    expect(gunzipSync(readFileSync(`${app}.gz`)).toString()).toBe(script)
    expect(readFileSync(`${app}.br`).length).toBeLessThan(script.length / 10)
    expect(mtimeNs(`${app}.br`)).toBe(mtimeNs(app))
    expect(mtimeNs(`${app}.gz`)).toBe(mtimeNs(app))
  })

  it('leaves small files, images and incompressible bytes without copies', () => {
    const tiny = join(dir, 'assets', 'tiny.css')
    const image = join(dir, 'assets', 'logo.png')
    const noise = join(dir, 'assets', 'noise.js')
    writeFileSync(tiny, 'a{color:red}')
    writeFileSync(image, Buffer.alloc(8192))
    writeFileSync(noise, randomBytes(8192))
    writeFileSync(`${noise}.gz`, 'left over from an earlier build')
    precompress()
    for (const path of [tiny, image, noise]) {
      expect(existsSync(`${path}.br`), path).toBe(false)
      expect(existsSync(`${path}.gz`), path).toBe(false)
    }
  })
})
