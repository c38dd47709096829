/**
 * The screenshots of docs/guide-ka.md, in the order the guide shows them: `npm run guide-shots` takes each one
 * from the real pages (scripts/take-guide-shots.ts), and test/guide-ka.test.ts checks that the guide refers to
 * exactly these files and that each is there.
 */
export interface GuideShot {
  /** File name under docs/guide-ka/. */
  file: string;
  /** What the picture shows (its alt text in the guide). */
  alt: string;
}

export const GUIDE_SHOTS: readonly GuideShot[] = [
  { file: 'ka-01-login.png', alt: 'ログイン画面' },
  { file: 'ka-02-home.png', alt: 'ホーム画面：入力待ち・差し戻された取組などの件数と一覧' },
  { file: 'ka-03-mine.png', alt: '自課の取組の一覧：Excel のダウンロードとアップロード' },
  { file: 'ka-04-entry.png', alt: '取組の入力画面：実績、これまでの実績と目標、自己評価' },
  { file: 'ka-05-upload-result.png', alt: 'アップロードの結果：取組ごとに何が保存されたか' },
  { file: 'ka-06-conflicts.png', alt: '項目ごとに選ぶ画面：ファイルの内容と保存されている内容' },
  { file: 'ka-07-returned.png', alt: '差し戻された取組：課長のコメント' },
];

/** Size of every screenshot: the desktop width the browser tests use, and the first screen's height. */
export const GUIDE_SHOT_SIZE = { width: 1280, height: 860 } as const;
