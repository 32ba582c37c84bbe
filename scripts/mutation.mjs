// `npm run test:mutation`: Stryker over the pure core (stryker.config.mjs,
// docs/decisions/120-mutation-testing.md), then one score per module and
// overall, checked against the thresholds. The last line printed is one JSON
// object: {"score": <overall %>, "files": {"<path>": <%>, ...}, "mutants": <count>}.
// Arguments go to Stryker: `npm run test:mutation -- --mutate app/products/codes.ts`
// to work on one module.
import { spawnSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { minimatch } from 'minimatch'
import { calculateMetrics } from 'mutation-testing-metrics'
import strykerConfig, { perFileFloor } from '../stryker.config.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const reportPath = path.join(root, strykerConfig.jsonReporter.fileName)
const overallFloor = strykerConfig.thresholds.break

rmSync(reportPath, { force: true })
// Stryker's own exit code is 1 both when it breaks down and when the score is
// under `thresholds.break`; a report that was written tells the two apart.
const stryker = spawnSync('npx', ['stryker', 'run', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' })
let report
try {
	report = JSON.parse(readFileSync(reportPath, 'utf8'))
} catch {
	console.error(`Stryker wrote no report (exit code ${stryker.status ?? stryker.signal}): the mutation run did not finish.`)
	process.exit(1)
}

// Incremental mode carries over the results of files that this run did not
// mutate, so that `--mutate one-file` still shows the whole picture; a file
// taken out of `mutate` since then must not count.
const patterns = strykerConfig.mutate
const inScope = (name) =>
	patterns.some((p) => !p.startsWith('!') && minimatch(name, p)) && !patterns.some((p) => p.startsWith('!') && minimatch(name, p.slice(1)))
report.files = Object.fromEntries(Object.entries(report.files).filter(([name]) => inScope(name)))

/** Stryker's mutation score: (killed + timeout) / (killed + timeout + survived + no coverage), in %. */
const scoreOf = (files) => {
	const { mutationScore, totalValid } = calculateMetrics(files).metrics
	return { score: mutationScore, valid: totalValid }
}
const oneDecimal = (score) => Math.round(score * 10) / 10

const files = {}
const rows = []
for (const [name, file] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
	const { score, valid } = scoreOf({ [name]: file })
	// A module of types and constants only has no mutant to score.
	if (valid === 0) continue
	files[name] = oneDecimal(score)
	rows.push({ name, score, valid, under: score < perFileFloor })
}
const overall = scoreOf(report.files)
const mutants = Object.values(report.files).reduce((count, file) => count + file.mutants.length, 0)

const width = Math.max(...rows.map((row) => row.name.length), 'overall'.length)
console.log(`\n${'module'.padEnd(width)}  score  mutants`)
for (const row of rows) {
	console.log(`${row.name.padEnd(width)}  ${oneDecimal(row.score).toFixed(1).padStart(5)}  ${String(row.valid).padStart(7)}${row.under ? `  < ${perFileFloor}` : ''}`)
}
console.log(`${'overall'.padEnd(width)}  ${oneDecimal(overall.score).toFixed(1).padStart(5)}  ${String(overall.valid).padStart(7)}`)

const failures = [
	...(overall.score < overallFloor ? [`the overall score ${oneDecimal(overall.score)} % is under ${overallFloor} %`] : []),
	...rows.filter((row) => row.under).map((row) => `${row.name} scores ${oneDecimal(row.score)} %, under ${perFileFloor} %`),
]
for (const failure of failures) console.error(`✗ ${failure}: add a unit test for the behaviour a surviving mutant changes (listed above).`)
console.log(JSON.stringify({ score: oneDecimal(overall.score), files, mutants }))
process.exit(failures.length > 0 ? 1 : 0)
