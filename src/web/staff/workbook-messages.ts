/** UI text of the workbook upload's merge (per initiative and per field), Japanese first then English. */
export const WORKBOOK_MESSAGES = {
  'workbook.outcome.merged': [
    'ファイルの出力後に他の人が変更していたため、変更が重ならない項目だけを反映しました。',
    'Changed by someone else after the file was made: only the fields nobody else changed were applied.',
  ],
  'workbook.outcome.conflicts': [
    '{n}項目が他の人の変更と重なったため、その項目は保存されている内容のままです（下の表で選んでください）。',
    '{n} field(s) were also changed by someone else and keep the saved content (choose below).',
  ],
  'workbook.conflicts': ['他の人の変更と重なった項目', 'Fields also changed by someone else'],
  'workbook.conflicts.lead': [
    'ファイルを出力した後に、同じ項目を他の人が変更していました。これらの項目は保存されている内容のままです。あなたの入力にするときは、取組の画面で入力してください。',
    'After the file was made, someone else changed the same fields; they keep the saved content. To use your input, enter it on the initiative page.',
  ],
  'workbook.conflicts.cell': ['セル', 'Cell'],
  'workbook.conflicts.base': ['出力時の内容', 'When the file was made'],
  'workbook.conflicts.resolve': ['選んで反映する', 'Choose and apply'],
  'workbook.field.actual': ['{fy} 実績', '{fy} results'],
  'workbook.field.plan': ['{fy} 計画', '{fy} plan'],
  'workbook.field.rating': ['自己評価', 'Self-rating'],
  'workbook.field.comment': ['コメント', 'Comment'],
  'workbook.field.kpi-actual': ['指標「{key}」の実績値', 'KPI "{key}": actual'],
  'workbook.field.kpi-note': ['指標「{key}」の注記', 'KPI "{key}": note'],
  'workbook.empty': ['（空欄）', '(empty)'],
  // The field's name reaches the radio through aria-describedby (its row header), not the label.
  'conflict.takeTheirs': ['この項目は保存されている内容にする', 'Keep the saved content for this field'],
  'conflict.takeYours': ['この項目はあなたの入力にする', 'Use your input for this field'],
  'conflict.applyChoices': ['選んだ内容で保存する', 'Save with these choices'],
} as const satisfies Record<string, readonly [string, string]>;
