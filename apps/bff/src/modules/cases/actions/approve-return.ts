import { caseDepartments } from '@citygov/db/schema/cases';
import { eq } from 'drizzle-orm';
import { defineAction } from './action-handler';

/** 同意回退: the department is released; the case waits for a new dispatch (the table row restarts that clock). */
export const approveReturn = defineAction({
  effects({ db, row, update, after }) {
    update.leadDepartmentId = null;
    after(async () => {
      await db.delete(caseDepartments).where(eq(caseDepartments.caseId, row.id));
    });
  },
});
