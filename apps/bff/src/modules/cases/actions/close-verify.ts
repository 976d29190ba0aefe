import { defineAction } from './action-handler';

/** 结案核实: the management chief confirms on site that the problem is gone; the case closes. */
export const closeVerify = defineAction({
  effects({ detail }) {
    detail.outcome = '现场核实已整改';
  },
});
