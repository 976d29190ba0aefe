import { defineAction } from './action-handler';

/** 未发现: the management chief found nothing on site; the case closes with that finding. */
export const notFound = defineAction({
  effects({ detail }) {
    detail.outcome = '现场未发现问题';
  },
});
