/**
 * Staff UI text of the forms' refusals (Japanese first, then English); spread into STAFF_MESSAGES, kept in a
 * file of its own because staff-messages.ts is already past the size a file should have.
 */
export const FORM_MESSAGES = {
  'form.tooLarge': [
    '送信された内容が大きすぎるため（上限 1 MB）、保存していません。届いた項目は入力のまま表示しています。1項目は20,000文字までです。',
    'What you sent is too large (the limit is 1 MB), so nothing was saved. The fields that arrived show your input. Each field takes at most 20,000 characters.',
  ],
} as const satisfies Record<string, readonly [string, string]>;
