import { cases } from '@citygov/db/schema/cases';
import { categories } from '@citygov/db/schema/catalogue';

/**
 * What every case list and comparison shows of a case (with `categories` left-joined on
 * kind and code): number, state, category, place. Lists add their clock columns.
 */
export const caseSummaryColumns = {
  id: cases.id,
  caseNo: cases.caseNo,
  status: cases.status,
  version: cases.version,
  source: cases.source,
  kind: cases.kind,
  categoryCode: cases.categoryCode,
  categoryName: categories.name,
  urgency: cases.urgency,
  description: cases.description,
  address: cases.address,
  lng: cases.lng,
  lat: cases.lat,
  gridId: cases.gridId,
};
