import { z } from 'zod';
import { zBigId } from '../../trpc/input-types';
import { permissionProcedure, router } from '../../trpc/procedures';
import { listIotDevices, loadIotDeviceInScope, readingsOf, sensorOfCase } from './iot-queries';
import { ZCreateIotDeviceInput, ZReadingsInput, ZUpdateIotDeviceInput } from './iot-schemas';
import { createIotDevice, updateIotDevice } from './manage-devices';

export const iotRouter = router({
  /** 设备列表 with live values and online state, in the caller's scope. */
  devices: permissionProcedure('iot.view').query(({ ctx }) => listIotDevices(ctx.db, ctx.user)),

  /** 历史数据: one device's readings over the last hours. */
  readings: permissionProcedure('iot.view')
    .input(ZReadingsInput)
    .query(async ({ ctx, input }) => {
      const device = await loadIotDeviceInScope(ctx.db, ctx.user, input.id);
      return { device, readings: await readingsOf(ctx.db, device.id, new Date(Date.now() - input.hours * 3_600_000)) };
    }),

  /** The sensor behind a case and its chart data (null for cases no sensor raised). */
  caseSensor: permissionProcedure('case.view')
    .input(z.object({ caseId: zBigId }))
    .query(({ ctx, input }) => sensorOfCase(ctx.db, ctx.user, input.caseId)),

  create: permissionProcedure('iot.manage')
    .input(ZCreateIotDeviceInput)
    .mutation(({ ctx, input }) => createIotDevice(ctx.db, ctx.user, input)),

  update: permissionProcedure('iot.manage')
    .input(ZUpdateIotDeviceInput)
    .mutation(({ ctx, input }) => updateIotDevice(ctx.db, ctx.user, input)),
});
