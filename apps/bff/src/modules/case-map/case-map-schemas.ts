import { MAX_POLYGON_VERTICES, polygonProblem } from '@citygov/domain/geo/polygon';
import { z } from 'zod';
import { caseFilterFields } from '../search/api';

const zLng = z.number({ error: '经度须为数字' }).min(-180, '经度超出范围').max(180, '经度超出范围');
const zLat = z.number({ error: '纬度须为数字' }).min(-90, '纬度超出范围').max(90, '纬度超出范围');
const zLngLat = z.tuple([zLng, zLat]);

export const ZCaseMapPointsInput = z
  .object({
    ...caseFilterFields,
    /** The visible map area: west, south, east, north. */
    bbox: z
      .tuple([zLng, zLat, zLng, zLat])
      .refine(([w, s, e, n]) => w < e && s < n, '地图范围无效')
      .optional(),
    /** 框选: a drawn ring of [lng, lat] vertices. */
    polygon: z
      .array(zLngLat)
      .max(MAX_POLYGON_VERTICES + 1, `框选区域最多 ${MAX_POLYGON_VERTICES} 个顶点`)
      .superRefine((ring, ctx) => {
        const problem = polygonProblem(ring);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .optional(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: '开始日期不能晚于结束日期', path: ['from'] });
export type TCaseMapPointsInput = z.infer<typeof ZCaseMapPointsInput>;
