import { z } from 'zod';
import { RoleSchema } from '../../../app/index.ts';
import { choiceOf, text } from './form-body.ts';

/** The sign-in form (its token is checked against the cookie before anything else). */
export const LoginForm = z.object({
  identifier: text(),
  organization: text(),
  password: text(),
  next: text(),
  _csrf: text(),
});

/** 表示言語: the account's own language. */
export const LanguageForm = z.object({ language: text() });

/** パスワード変更. */
export const PasswordForm = z.object({ currentPassword: text(), password: text(), confirm: text() });

/** 職員の追加 (administrator). */
export const NewUserForm = z.object({
  email: text(),
  displayName: text(),
  role: choiceOf(RoleSchema),
  departmentCode: text(),
  staffId: text(),
});

/** 課の追加 (administrator). */
export const NewDepartmentForm = z.object({ code: text(), name: text(), nameEn: text() });

/** 課の名称の変更 (administrator). */
export const RenameDepartmentForm = z.object({ name: text(), nameEn: text() });
