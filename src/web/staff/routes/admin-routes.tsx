import { Hono } from 'hono';
import {
  type AppContext,
  addDepartment,
  can,
  createUser,
  forbidden,
  listStaffDepartments,
  listStaffUsers,
  renameDepartment,
  resetUserPassword,
  setUserDisabled,
} from '../../../app/index.ts';
import { NewDepartmentForm, NewUserForm, RenameDepartmentForm } from '../forms/account-forms.ts';
import { readForm } from '../forms/form-body.ts';
import { noticeText } from '../notices.ts';
import { DepartmentsPage } from '../pages/departments-page.tsx';
import { type NewUserValues, UsersPage } from '../pages/users-page.tsx';
import { actorProps, fieldErrorsOf, formRefusal, refuseCutBody } from '../route-helpers.ts';
import { redirectWithNotice, sendPage } from '../send-page.ts';
import { field, type StaffContext, type StaffEnv } from '../staff-env.ts';

const EMPTY: NewUserValues = { email: '', displayName: '', role: 'department-editor', departmentCode: '', staffId: '' };

/** User administration (administrators only; the use cases enforce it). */
export function adminRoutes(ctx: AppContext) {
  const app = new Hono<StaffEnv>();
  const page = async (
    c: StaffContext,
    opts: { values?: NewUserValues; errors?: Record<string, string>; secret?: string } = {},
    status = 200,
  ) => {
    const who = actorProps(ctx, c);
    const users = await listStaffUsers(who);
    const departments = await listStaffDepartments(who);
    return sendPage(
      c,
      <UsersPage
        text={c.get('text')}
        session={c.get('staff')}
        users={users}
        departments={departments}
        values={opts.values ?? EMPTY}
        errors={opts.errors ?? {}}
        secretNotice={opts.secret}
      />,
      status,
    );
  };
  app.get('/admin/users', (c) => page(c));
  app.post('/admin/users', async (c) => {
    const form = c.get('form');
    const values: NewUserValues = {
      email: field(form, 'email'),
      displayName: field(form, 'displayName'),
      role: field(form, 'role'),
      departmentCode: field(form, 'departmentCode'),
      staffId: field(form, 'staffId'),
    };
    try {
      refuseCutBody(c);
      const body = readForm(form, NewUserForm);
      const r = await createUser({
        ...actorProps(ctx, c),
        input: {
          email: body.email,
          displayName: body.displayName,
          role: body.role,
          ...(body.departmentCode && { departmentCode: body.departmentCode }),
          ...(body.staffId && { staffId: body.staffId }),
        },
      });
      // The generated password is shown in this response only (no redirect, nothing stored in clear).
      return page(c, {
        secret: c.get('text').t('users.created', { email: r.user.email, password: r.generatedPassword ?? '' }),
      });
    } catch (e) {
      const refused = formRefusal(c, e);
      if (!refused) throw e;
      return page(c, { values, errors: refused.errors }, refused.status);
    }
  });
  app.post('/admin/users/:id/:op{disable|enable}', async (c) => {
    await setUserDisabled({
      ...actorProps(ctx, c),
      user: c.req.param('id'),
      disabled: c.req.param('op') === 'disable',
    });
    return c.redirect('/staff/admin/users', 303);
  });
  app.post('/admin/users/:id/reset-password', async (c) => {
    const r = await resetUserPassword({ ...actorProps(ctx, c), user: c.req.param('id') });
    return page(c, {
      secret: c.get('text').t('users.resetDone', { email: r.user.email, password: r.generatedPassword ?? '' }),
    });
  });

  const departmentsPage = async (
    c: StaffContext,
    values = { code: '', name: '', nameEn: '' },
    errors: Record<string, string> = {},
    status = 200,
  ) => {
    const who = actorProps(ctx, c);
    // The list is readable by all staff; the page is for administrators, so check that before showing it.
    if (!can(who.actor, 'department.manage', { organizationId: who.actor.organizationId })) throw forbidden();
    const departments = await listStaffDepartments(who);
    return sendPage(
      c,
      <DepartmentsPage
        text={c.get('text')}
        session={c.get('staff')}
        departments={departments}
        values={values}
        errors={errors}
        notice={noticeText(c)}
      />,
      status,
    );
  };
  app.get('/admin/departments', (c) => departmentsPage(c));
  app.post('/admin/departments', async (c) => {
    const form = c.get('form');
    const values = { code: field(form, 'code'), name: field(form, 'name'), nameEn: field(form, 'nameEn') };
    try {
      await addDepartment({ ...actorProps(ctx, c), input: readForm(form, NewDepartmentForm) });
      return redirectWithNotice(c, '/staff/admin/departments', 'department-saved');
    } catch (e) {
      const errors = fieldErrorsOf(e, c.get('text').lang);
      if (!errors) throw e;
      return departmentsPage(c, values, errors, 400);
    }
  });
  app.post('/admin/departments/:code', async (c) => {
    const form = c.get('form');
    try {
      await renameDepartment({
        ...actorProps(ctx, c),
        code: c.req.param('code'),
        ...readForm(form, RenameDepartmentForm),
      });
      return redirectWithNotice(c, '/staff/admin/departments', 'department-saved');
    } catch (e) {
      const errors = fieldErrorsOf(e, c.get('text').lang);
      if (!errors) throw e;
      return departmentsPage(c, undefined, errors, 400);
    }
  });
  return app;
}
