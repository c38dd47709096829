/** Staff UI text of publishing and withdrawing editions, and of the executive view (Japanese first, then English); spread into STAFF_MESSAGES. */
export const PUBLISH_MESSAGES = {
  'publish.title': ['版の公表', 'Publish an edition'],
  'publish.lead': [
    '現在の計画の内容を、変更できない「版」として公表します。公開サイトは新しい版を表示し、以前の版も引き続き閲覧できます。',
    'Freezes the plan’s current content as an edition that never changes. The public site shows the new edition; earlier ones stay readable.',
  ],
  'publish.name': ['版の名称', 'Edition name'],
  // The name the form suggests (editable): how Japanese cities title a year's edition, in the page's language.
  'publish.suggestedName': ['{fy}実績反映版', '{fy} results edition'],
  'publish.fy': ['反映する実績の年度', 'Fiscal year of the results'],
  'publish.submit': ['公表する', 'Publish'],
  'publish.done': ['「{name}」を公表しました。', 'Published “{name}”.'],
  'publish.notApproved': [
    '{fy}の照会で承認済でない取組が{n}件あります。',
    '{n} initiative(s) in the {fy} round are not approved yet.',
  ],
  'publish.withheldCaption': [
    '承認済でない取組（公表する版では、この年度の実績・評価・指標の実績を前回公表した内容のまま載せます）',
    'Initiatives not approved (the edition keeps their previously published results, ratings and KPI actuals for the year)',
  ],
  'publish.withheldState': ['状況', 'Status'],
  'publish.withheldItems': ['取組', 'Initiatives'],
  'publish.confirmWithheld': [
    '未承認の{n}件は前回の内容のまま公表します',
    'Publish the {n} unapproved initiative(s) with their previous content',
  ],
  'publish.editions': ['公表済みの版', 'Published editions'],
  'publish.withdrawn': [
    '版を取り下げました。その前の版が公開中になりました。',
    'The edition was withdrawn; the one before it is current again.',
  ],
  'publish.withdrawnAs': ['取り下げ: {reason}', 'withdrawn: {reason}'],
  'publish.withdraw': ['版の取り下げ', 'Withdraw an edition'],
  'publish.withdrawLead': [
    '取り下げた版は公開サイト・API・ダウンロード・静的書き出しから外れ、その前の版が公開中に戻ります。記録（変更履歴）には残ります。',
    'A withdrawn edition leaves the public site, the API, the downloads and the static export; the edition before it becomes current again. It stays in the audit history.',
  ],
  'publish.withdrawReason': ['「{name}」を取り下げる理由', 'Reason for withdrawing “{name}”'],
  'publish.withdrawSubmit': ['「{name}」を取り下げる', 'Withdraw “{name}”'],
  'publish.current': ['公開中', 'Current'],
  'publish.compare': ['前の版と比較', 'Compare with the previous'],
  'publish.view': ['公開サイトで見る', 'View on the public site'],
  'exec.title': ['幹部向け概況（{fy}）', 'Executive view ({fy})'],
  'exec.late': ['提出が遅れている取組', 'Late submissions'],
  'exec.drops': ['評価が前年度より下がった取組', 'Ratings lower than last year'],
  'exec.dropRow': ['{from} → {to}', '{from} → {to}'],
  'exec.kpi': ['計画の判定基準で最上位に届かない成果指標', "KPIs below the best level of the plan's status rule"],
  'exec.noRule': [
    'この計画は成果指標の進捗の判定方法を定めていないため、判定はしていません。',
    'The plan declares no method for judging KPI progress, so none is judged.',
  ],
  'exec.kpiExpected': ['期待値 {expected}', 'expected {expected}'],
  'exec.changes': ['前回の公表（{edition}）からの変更', 'Changes since the last edition ({edition})'],
  'exec.noneLate': ['提出が遅れている取組はありません。', 'No late submissions.'],
  'exec.noneDrops': ['評価が下がった取組はありません。', 'No rating has dropped.'],
  'exec.noneKpi': ['該当する指標はありません。', 'None.'],
} as const satisfies Record<string, readonly [string, string]>;
