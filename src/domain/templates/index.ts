/** The product's templates: their model, pre-filling, reading back and checking. */
export { checkTemplate, templateMarker } from './checkTemplate';
export { prefillTemplate, type PrefillOptions } from './prefillTemplate';
export { readTemplate } from './readTemplate';
export { MARKER_SHEET, SHEET_NAMES, type TemplateContent } from './templateModel';
