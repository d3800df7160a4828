// Monthly declarations at the edge: values typed by people, and the statement they upload.
export * from './cell-values.js';
export * from './import-columns.js';
export * from './import-sheet.js';
