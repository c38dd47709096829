export { EditionContent, PublishedEdition } from './edition-content.ts';
export {
  fiscalYearOf,
  fiscalYearRange,
  formatCalendarYear,
  formatFiscalYear,
  formatFiscalYearSpan,
} from './fiscal-year.ts';
export { OrganizationBundle, type OrganizationBundleInput } from './organization-bundle.ts';
export { parseFiscalYear } from './parse-fiscal-year.ts';
export {
  Assessment,
  DatedItems,
  Department,
  EditionInfo,
  FiscalYear,
  Indicator,
  IndicatorValue,
  Lifecycle,
  LocalizedText,
  NodeCode,
  Period,
  PlanDocument,
  type PlanDocumentInput,
  PlanNode,
  type PlanNodeInput,
  PlanSection,
  RatingLevel,
  RatingRule,
  RatingScale,
  RatingScaleKind,
  ReportingFrequency,
  RoadmapEntry,
  RollupMethod,
  RollupSettings,
  Slug,
  SourceNote,
  TargetRevision,
} from './plan-document.ts';
