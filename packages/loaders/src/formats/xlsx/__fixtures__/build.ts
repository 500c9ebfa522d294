// Hand-written minimal workbooks (the parts a spreadsheet program writes), to pin down one
// feature at a time: shared and inline strings, date styles, the 1904 flag, ragged rows.
import { strToU8, zipSync } from 'fflate';

export interface SheetSpec {
  readonly name: string;
  /** The <sheetData> content (rows). */
  readonly rows: string;
  readonly dimension?: string;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** An .xlsx file's bytes. `numFmts`/`cellXfs` are the styles (cellXfs: numFmtId per style index). */
export function buildXlsx(spec: {
  sheets: readonly SheetSpec[];
  sharedStrings?: readonly string[] | string;
  cellXfs?: readonly number[];
  numFmts?: Readonly<Record<number, string>>;
  date1904?: boolean;
  omit?: readonly string[];
}): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  files['[Content_Types].xml'] = strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  files['xl/workbook.xml'] = strToU8(
    `<?xml version="1.0"?><workbook xmlns="${NS}" xmlns:r="${R}">${spec.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>'}<sheets>${spec.sheets
      .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('')}</sheets></workbook>`,
  );
  const rels = spec.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  rels.push(
    `<Relationship Id="rIdS" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>`,
    `<Relationship Id="rIdT" Type="${R}/styles" Target="styles.xml"/>`,
  );
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
  );
  spec.sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
      `<?xml version="1.0"?><worksheet xmlns="${NS}">${s.dimension ? `<dimension ref="${s.dimension}"/>` : ''}<sheetData>${s.rows}</sheetData></worksheet>`,
    );
  });
  const ss = spec.sharedStrings ?? [];
  files['xl/sharedStrings.xml'] = strToU8(
    `<?xml version="1.0"?><sst xmlns="${NS}">${typeof ss === 'string' ? ss : ss.map((s) => `<si><t xml:space="preserve">${s}</t></si>`).join('')}</sst>`,
  );
  const fmts = Object.entries(spec.numFmts ?? {});
  files['xl/styles.xml'] = strToU8(
    `<?xml version="1.0"?><styleSheet xmlns="${NS}">${fmts.length ? `<numFmts>${fmts.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${code.replace(/"/g, '&quot;')}"/>`).join('')}</numFmts>` : ''}<cellXfs>${(
      spec.cellXfs ?? [0]
    )
      .map((id) => `<xf numFmtId="${id}"/>`)
      .join('')}</cellXfs></styleSheet>`,
  );
  for (const o of spec.omit ?? []) delete files[o];
  return zipSync(files);
}
