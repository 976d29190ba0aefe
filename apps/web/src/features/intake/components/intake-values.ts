import { CASE_SOURCES, type CaseSource } from '@citygov/domain/cases/case-states';
import type { CategoryKey, ReportCaseInput } from '../api/intake';

export interface IntakeValues {
  category?: string;
  source: CaseSource;
  urgency: 'normal' | 'urgent';
  description?: string;
  address?: string;
  componentId?: string;
  reporterName?: string;
  reporterPhone?: string;
}

export const INTAKE_SOURCE_OPTIONS = (Object.keys(CASE_SOURCES) as CaseSource[]).map((value) => ({
  value,
  label: CASE_SOURCES[value],
}));

const trimmed = (value: string | undefined) => value?.trim() || undefined;

export function toReportInput(
  values: IntakeValues,
  category: CategoryKey,
  point: { lng: number; lat: number },
  attachmentIds: number[],
  clientRequestId: string,
  confirmedDistinct = false,
  suggestion?: ReportCaseInput['suggestion'],
): ReportCaseInput {
  const address = trimmed(values.address);
  const componentId = category.kind === 'component' ? trimmed(values.componentId) : undefined;
  const reporterName = trimmed(values.reporterName);
  const reporterPhone = trimmed(values.reporterPhone);
  return {
    source: values.source,
    kind: category.kind,
    categoryCode: category.code,
    urgency: values.urgency,
    description: values.description?.trim() ?? '',
    lng: point.lng,
    lat: point.lat,
    ...(address ? { address } : {}),
    ...(componentId ? { componentId } : {}),
    ...(reporterName ? { reporterName } : {}),
    ...(reporterPhone ? { reporterPhone } : {}),
    attachmentIds,
    clientRequestId,
    ...(confirmedDistinct ? { confirmedDistinct } : {}),
    ...(suggestion ? { suggestion } : {}),
  };
}
