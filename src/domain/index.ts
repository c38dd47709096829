// The public face of the domain layer: other layers import from here only, so every name below is stable.

export { bandLevel } from './band-level.ts';
export { type IssueMessage, issueMessage } from './bundle-issue-message.ts';
export { checkBundleText, MAX_BUNDLE_DEPTH } from './check-bundle-text.ts';
export { compareRatings, type RatingComparison } from './compare-ratings.ts';
export { controlCharacterAt, controlCharacterMessage } from './control-characters.ts';
export { CARRY_OVER_GROUP, copyStructure } from './copy-structure.ts';
export { applyRounding } from './declared-rounding.ts';
export {
  diffEditions,
  diffInitiative,
  type EditionDiff,
  type IndicatorChange,
  type InitiativeDiff,
  type RatingChange,
  type TextChange,
  type TextField,
} from './diff-editions.ts';
export { type DirectionOfTravel, directionOfTravel } from './direction-of-travel.ts';
export { EditionContent, PublishedEdition } from './edition-content.ts';
export {
  Band,
  Evaluation,
  ExpectedPath,
  IndicatorMethod,
  KpiVerdictRule,
  MissingReason,
  PresetKey,
  ProgressBasis,
  Rounding,
  StatusOverrideRule,
  StatusRule,
  Tolerance,
  TravelAgainst,
  VerdictLevel,
} from './evaluation-method.ts';
export { EVALUATION_PRESETS, type EvaluationPreset } from './evaluation-presets.ts';
export {
  type EvaluationPreview,
  evaluationPreview,
  type IndicatorPreview,
  type ItemPreview,
} from './evaluation-preview.ts';
export { EvaluationStage } from './evaluation-stage.ts';
export { expectedProgress } from './expected-progress.ts';
export { type FieldDisplay, fieldDisplay, fieldTitle, quantityText } from './field-display.ts';
export {
  ChoiceOption,
  choiceLabel,
  FIELD_SHAPE_KINDS,
  FieldShape,
  type FieldShapeKind,
  type FieldValue,
  fieldValueSchema,
  type ParsedField,
  parseFieldText,
  valueText,
  type YearAmount,
  yearText,
} from './field-shape.ts';
export {
  type FiscalYearFormatOptions,
  type FiscalYearLang,
  type FiscalYearStyle,
  fiscalYearOf,
  fiscalYearRange,
  formatCalendarYear,
  formatFiscalYear,
  formatFiscalYearSpan,
  japaneseEraOf,
} from './fiscal-year.ts';
export { formatIndicatorPeriod, type IndicatorPeriodOptions } from './format-indicator-period.ts';
export { formatPlanPeriod, formatPlanYear, formatPlanYearSpan, type PlanYears } from './format-plan-year.ts';
export { formatPublicationDate } from './format-publication-date.ts';
export {
  type IndicatorProgress,
  type IndicatorProgressOptions,
  type IndicatorProgressStatus,
  indicatorProgress,
  type YearNaming,
  yearNamingOf,
} from './indicator-progress.ts';
export { decimalPlacesOf, finerThanDeclared, indicatorQuantity } from './indicator-quantity.ts';
export { type InitiativeStatus, initiativeStatus, statusRuleApplies } from './initiative-status.ts';
export { itemsToText, textToItems } from './item-lines.ts';
export { keepPublishedYear } from './keep-published-year.ts';
export { type KpiProgress, kpiProgress } from './kpi-progress.ts';
export { type KpiVerdict, type KpiVerdictCounts, kpiVerdict, kpiVerdictCounts } from './kpi-verdict.ts';
export { latestActualFy } from './latest-actual-fy.ts';
export { listedTitle, listName } from './listed-title.ts';
export { markContributions, markedWith } from './mark-contributions.ts';
export {
  countedItems,
  countedNodeType,
  type ItemNodeType,
  isGoalNode,
  isItemNode,
  NodeType,
  nodeTypeOf,
} from './node-type.ts';
export { type NodeTypeRollup, nodeTypeRollups } from './node-type-rollups.ts';
export { OrganizationBundle, type OrganizationBundleInput } from './organization-bundle.ts';
export { parseFiscalYear } from './parse-fiscal-year.ts';
export { MAX_SIGNIFICANT_DIGITS, parseQuantity } from './parse-quantity.ts';
export { type PercentFromCounts, percentFromCounts, roundingRule } from './percent-from-counts.ts';
export { type PeriodRating, periodRatingsOf } from './period-ratings.ts';
export { type PeriodRollup, periodRollups } from './period-rollups.ts';
export { type PeriodTravel, PeriodTravelRule, periodTravel } from './period-travel.ts';
export {
  Assessment,
  CarriedFrom,
  Contribution,
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
  SharedInitiatives,
  Slug,
  SourceNote,
  StatedFigure,
  TargetRevision,
} from './plan-document.ts';
export { type LintCode, type LintFinding, type LintSeverity, lintPlan } from './plan-lint.ts';
export { type PlanRollup, planRollup, type RollupScope } from './plan-rollup.ts';
export {
  type NewPlanIdentity,
  PlanTemplate,
  PlanTemplateKey,
  planFromTemplate,
} from './plan-template.ts';
export {
  assessmentOf,
  descendantsOf,
  findNode,
  inStage,
  isActiveIn,
  leafNodes,
  nodePath,
  nodesOfDepartment,
  previousAndNext,
  ratingQuery,
  type WalkedNode,
  walkNodes,
} from './plan-tree.ts';
export { progressBasisOf, progressPathOf, ruleBasisOf } from './progress-basis-of.ts';
export { publicationDay } from './publication-day.ts';
export { quantityInputText } from './quantity-input-text.ts';
export { JUMP_FACTOR, quantityWarnings } from './quantity-warnings.ts';
export { type RatingKpiMismatch, ratingKpiMismatch } from './rating-kpi-mismatch.ts';
export { type DerivedRating, deriveRating, levelForPercent } from './rating-rules.ts';
export { findLevel, levelIndex, nearestLevelForPercent, scoreOf, stepDistance } from './rating-scale.ts';
export {
  type LevelSpec,
  numericScale,
  ordinalScale,
  percentageScale,
  type ScaleNames,
  textScale,
  trafficLightScale,
} from './rating-scale-builders.ts';
export {
  comparePeriods,
  PartPeriod,
  PERIODS,
  PeriodBasis,
  periodSpan,
  ReportedIn,
  reportedApart,
} from './reporting-period.ts';
export { type DomainError, err, ok, type Result } from './result.ts';
export { type DistributionEntry, type Rollup, type RollupItem, rollupAssessments } from './rollup.ts';
export { formatDecimal, formatPercent, formatQuantity, roundHalfUp, sharesOfDistribution } from './round-percent.ts';
export { type DimensionFigure, furtherDimensionFigures, rollupSettingsFor, scaleRollups } from './scale-rollups.ts';
export { checkNodeFields, NodeFieldValues, SheetFieldDef, type SheetFieldDefInput } from './sheet-field-def.ts';
export {
  BUILT_IN_FIELDS,
  FIELD_SURFACES,
  type FieldSurface,
  fieldLabel,
  fieldsOn,
  keyedFields,
  planField,
  RESERVED_FIELD_KEYS,
  type SheetField,
  STORED_BUILT_IN_FIELDS,
  sheetFieldsOf,
} from './sheet-fields.ts';
export { type StageRating, stageRatingsOf } from './stage-ratings.ts';
export { type StageRollup, stageRollups } from './stage-rollups.ts';
export { statedFigureFindings } from './stated-figure-findings.ts';
export { type StatedFigureView, statedFigureViews } from './stated-figure-views.ts';
export { statedStatus } from './stated-status.ts';
export { planStatusCounts, type StatusCounts, statusCounts } from './status-counts.ts';
export { type OverrideIssue, overrideLevels, StatusOverride, statusOverrideIssues } from './status-override.ts';
export { statusRuleText } from './status-rule-text.ts';
export { type TargetInForce, targetInForce } from './target-in-force.ts';
export { TEXT_LIMITS, type TextKind, tooLongMessage } from './text-limits.ts';
export { DEFAULT_TIME_ZONE, isTimeZone, TimeZone, timeZoneOf } from './time-zone.ts';
export { withUnit } from './unit-text.ts';
export { type BundleIssue, type BundleValidation, MAX_BUNDLE_ISSUES, validateBundle } from './validate-bundle.ts';
export {
  INDICATOR_KIND,
  type IndicatorKind,
  keyOfValueLabel,
  LIFECYCLE_STATUS,
  type LifecycleStatus,
  type ValueLabel,
  valueKeys,
  valueLabels,
} from './value-sets.ts';
export { periodBasisOf, type YearToDate, yearToDate } from './year-to-date.ts';
