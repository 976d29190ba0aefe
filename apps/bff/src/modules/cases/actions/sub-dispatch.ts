import { caseDepartments } from '@citygov/db/schema/cases';
import { departments } from '@citygov/db/schema/org';
import { ValidationError } from '@citygov/domain/errors';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defineAction } from './action-handler';

/**
 * 二级派遣: the lead department passes the case to one of its own sub-units (sent as
 * `leadDepartmentId`); back to 已派遣 with the same deadline (the table row keeps the clock).
 */
export const subDispatch = defineAction({
  input: z.object({ leadDepartmentId: z.number({ error: '请选择下级单位' }).int().positive() }),
  async effects({ db, row, input, update, detail, after }) {
    if (!row.leadDepartmentId) throw new ValidationError('案件尚未派遣');
    const [current] = await db.select().from(departments).where(eq(departments.id, row.leadDepartmentId));
    const [target] = await db.select().from(departments).where(eq(departments.id, input.leadDepartmentId));
    if (!current || !target) throw new ValidationError('下级单位不存在', { field: 'leadDepartmentId' });
    if (target.id === current.id || !target.path.startsWith(current.path)) {
      throw new ValidationError(`只能派给${current.name}的下级单位`, { field: 'leadDepartmentId' });
    }
    after(async () => {
      await db
        .delete(caseDepartments)
        .where(and(eq(caseDepartments.caseId, row.id), eq(caseDepartments.departmentId, current.id)));
      await db.insert(caseDepartments).values({ caseId: row.id, departmentId: target.id, role: 'lead' });
    });
    update.leadDepartmentId = target.id;
    detail.from = current.name;
    detail.lead = target.name;
  },
});
