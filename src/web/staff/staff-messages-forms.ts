/**
 * Staff UI text of the forms' refusals and the account settings (Japanese first, then English); spread into STAFF_MESSAGES, kept in a
 * file of its own because staff-messages.ts is already past the size a file should have.
 */
export const FORM_MESSAGES = {
  'form.tooLarge': [
    '送信された内容が大きすぎるため（上限 1 MB）、保存していません。届いた項目は入力のまま表示しています。1項目は20,000文字までです。',
    'What you sent is too large (the limit is 1 MB), so nothing was saved. The fields that arrived show your input. Each field takes at most 20,000 characters.',
  ],
  'account.language': ['表示言語', 'Display language'],
  'account.languageHint': [
    'どのパソコンでもログインするとこの言語で表示します。画面上部の切替と URL の ?lang= は、その場で表示を切り替えます。',
    'Each time you sign in, on any computer, the staff pages start in this language. The switch at the top and ?lang= in the address change it on the spot.',
  ],
  'account.languageSave': ['表示言語を保存する', 'Save the display language'],
  'account.languageSaved': ['表示言語を保存しました。', 'Your display language has been saved.'],
  'account.lang.ja': ['日本語', 'Japanese (日本語)'],
  'account.lang.en': ['英語（English）', 'English'],
  'report.override': ['手入力による判定（{rule}）', 'Verdict set by hand ({rule})'],
  'report.overrideNone': ['手入力しない（計算による判定のまま）', 'None (the computed verdict stands)'],
  'report.overrideComputed': [
    '計算による判定（保存済みの実績値による）: {level}',
    'Computed verdict (from the saved actuals): {level}',
  ],
  'report.overrideNoFigure': ['判定できない', 'No verdict'],
  'report.overrideReason': ['手入力した理由', 'Why it is set by hand'],
  'node.edit.type': ['種類', 'Type'],
  'node.edit.type.auto': [
    '階層の位置による（下位の項目があれば目標、なければ取組）',
    'By its place (objective with nodes below it, else action)',
  ],
  'node.edit.type.objective': ['目標（基本目標・施策など）', 'Objective (goal, policy area)'],
  'node.edit.type.action': ['取組（具体的な取組・事務事業など）', 'Action (initiative, project)'],
  'node.edit.type.indicator': ['指標（指標そのものが項目の計画）', 'Indicator (a plan whose items are indicators)'],
} as const satisfies Record<string, readonly [string, string]>;
