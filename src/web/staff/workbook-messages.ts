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
    'ファイルを出力した後に、同じ項目を他の人が変更していました。これらの項目は保存されている内容のままです。取組ごとの「項目ごとに選ぶ」から、どちらにするかを選んでください（選ぶまでホーム画面の「あなたを待っている作業」に表示されます）。',
    'After the file was made, someone else changed the same fields; they keep the saved content. Use "Choose per field" for each item to decide (until then they are listed under "Waiting for you" on the home page).',
  ],
  'workbook.conflicts.cell': ['セル', 'Cell'],
  'workbook.conflicts.base': ['出力時の内容', 'When the file was made'],
  'workbook.conflicts.resolve': ['項目ごとに選ぶ', 'Choose per field'],
  'conflict.workbookTitle': [
    'Excelファイルの取込で他の人の変更と重なった項目',
    'Workbook fields someone else also changed',
  ],
  'conflict.workbookLead': [
    'あなたが取り込んだExcelファイル（{cells}）のこれらの項目は、ファイルの出力後に他の人も変更していたため、保存されている内容のままです。最後に保存した人: {who}（{at}）。項目ごとに、ファイルの内容か保存されている内容かを選んでください。',
    "These fields of the workbook you uploaded ({cells}) were also changed by someone else after the file was made, so they keep the saved content. Last saved by {who} ({at}). Choose, per field, the file's content or the saved content.",
  ],
  'conflict.workbookYours': ['Excelファイルの内容', 'In your workbook'],
  'conflict.keepSaved': [
    'ファイルの内容は使わず、保存されている内容のままにする',
    "Don't use the workbook: keep the saved content",
  ],
  'conflict.keptSaved': [
    'Excelファイルの内容は使わず、保存されている内容のままにしました。',
    'The workbook was not used: the saved content stays.',
  ],
  'report.keptConflicts': [
    '取り込んだExcelファイルの{n}項目が、他の人の変更と重なっています。',
    '{n} field(s) of your uploaded workbook were also changed by someone else.',
  ],
  'work.conflicts': ['Excelの取込で選択が必要な取組', 'Workbook fields to decide'],
  'work.conflictFields': ['{n}項目', '{n} field(s)'],
  'workbook.field.actual': ['{fy} 実績', '{fy} results'],
  'workbook.field.plan': ['{fy} 計画', '{fy} plan'],
  'workbook.field.rating': ['自己評価', 'Self-rating'],
  'workbook.field.comment': ['コメント', 'Comment'],
  'workbook.field.kpi-actual': ['指標「{key}」の実績値', 'KPI "{key}": actual'],
  'workbook.field.kpi-note': ['指標「{key}」の注記', 'KPI "{key}": note'],
  'workbook.empty': ['（空欄）', '(empty)'],
  'action.report.import-xlsx': ['Excelファイルから報告を取り込み', 'Imported the report from the workbook'],
  // The field's name reaches the radio through aria-describedby (its row header), not the label.
  'conflict.takeTheirs': ['この項目は保存されている内容にする', 'Keep the saved content for this field'],
  'conflict.takeYours': ['この項目はあなたの入力にする', 'Use your input for this field'],
  'conflict.applyChoices': ['選んだ内容で保存する', 'Save with these choices'],
} as const satisfies Record<string, readonly [string, string]>;
