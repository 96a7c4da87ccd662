// The same corpus through the npm package obscenity, for bench_checker's
// speed ratio. Usage: node obscenity_bench.mjs CORPUS [SECONDS]
// Reads one text per line; checks lines in order until all are done or the
// time budget (default 20 s) runs out; prints "MB/s <n>".
import { readFileSync } from 'node:fs';
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';

const [corpusPath, budget = '20'] = process.argv.slice(2);
const lines = readFileSync(corpusPath, 'utf8').split('\n');
const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

for (let i = 0; i < 1000 && i < lines.length; i++) matcher.getAllMatches(lines[i]);

const limit = Number(budget) * 1e9;
let bytes = 0;
let found = 0;
let done = 0;
const start = process.hrtime.bigint();
for (const line of lines) {
  found += matcher.getAllMatches(line).length;
  bytes += Buffer.byteLength(line) + 1;
  done++;
  if ((done & 255) === 0 && Number(process.hrtime.bigint() - start) > limit) break;
}
const secs = Number(process.hrtime.bigint() - start) / 1e9;
console.log(`${done} of ${lines.length} texts, ${(bytes / 1e6).toFixed(1)} MB, ${found} matches in ${secs.toFixed(2)} s`);
console.log(`MB/s ${(bytes / 1e6 / secs).toFixed(2)}`);
