// @icestat/loaders + @icestat/core: load a dataset from JSON, audit it, print what does not add up.
//   npm run example:load-json --workspace=examples [path/to/dataset.json]
import { audit, countFindings } from '@icestat/core';
import { safeLoadDataset } from '@icestat/loaders/json';
import { bundledDatasetPath } from './bundled-dataset';

const path = process.argv[2] ?? bundledDatasetPath;
const result = await safeLoadDataset(path);
if (!result.success) {
  // Every problem is located: file, line and column for syntax, JSON path for the model.
  for (const issue of result.error.issues) console.error(issue.message);
  process.exit(1);
}
const findings = audit(result.data, { includePassed: false });
console.log(`${path}: ${result.data.operations.length} operations`, countFindings(audit(result.data)));
for (const f of findings) console.log(`${f.severity.toUpperCase()} ${f.location.path}\n  ${f.message}`);
