// The demo report: a summary of every operation in the bundled dataset, with intervals.
import { readBundledDataset } from './bundled-dataset';
import { renderTextReport } from './report';

const dataset = readBundledDataset();
process.stdout.write(renderTextReport(dataset));
