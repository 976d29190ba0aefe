import { ValidationError } from '@citygov/domain/errors';
import { chiefTitle } from '@citygov/domain/street-chiefs/chief-lines';
import { receiverForPost } from '../../street-chiefs/api';
import { defineAction } from './action-handler';

/** 同意移交: the management area chief agrees; the case goes to the grid's enforcement 街长 (or their delegate). */
export const approveHandOver = defineAction({
  async effects({ db, row, now, update, detail }) {
    const receiver = await receiverForPost(db, row.gridId, 'enforcement', 'street', now);
    if (!receiver) throw new ValidationError('该网格尚未设置执法街长，不能移交');
    update.chiefLine = 'enforcement';
    update.chiefUserId = receiver.userId;
    Object.assign(detail, {
      chief: `${receiver.displayName}（${chiefTitle('enforcement', 'street')}）`,
      ...(receiver.delegatedFrom ? { delegatedFrom: receiver.delegatedFrom.displayName } : {}),
    });
  },
});
