// Fails when src/api/schema.d.ts is not what `npm run gen:api` makes from ../api/openapi.json.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const committed = 'src/api/schema.d.ts'
const dir = mkdtempSync(join(tmpdir(), 'rw-schema-'))
const fresh = join(dir, 'schema.d.ts')
try {
  execFileSync('npx', ['--no-install', 'openapi-typescript', '../api/openapi.json', '-o', fresh], { stdio: 'inherit' })
  if (readFileSync(fresh, 'utf8') !== readFileSync(committed, 'utf8')) {
    console.error(`${committed} is out of date with ../api/openapi.json: run \`npm run gen:api\` and commit the result.`)
    try {
      execFileSync('diff', ['-u', committed, fresh], { stdio: 'inherit' })
    } catch {
      // diff exits 1 when the files differ; its output is the point
    }
    process.exitCode = 1
  } else {
    console.log(`${committed} matches ../api/openapi.json`)
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
