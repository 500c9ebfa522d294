/**
 * @icestat/loaders/xlsx — Excel workbooks as ICE publishes them, read as they are: sheets listed,
 * one sheet streamed as rows of typed cells (dates from Excel serials by the cell's format).
 *
 * @packageDocumentation
 */
export { listXlsxSheets, readXlsxRows, type ReadXlsxOptions, type XlsxRow, type XlsxSheet } from './read';
export { cellToString, cellsToStrings, excelSerialToDate, isDateFormat, type CellValue } from './cells';
