import { Alert, App, Card } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useCitySettingAccess } from '../../features/auth/city-setting-access';
import { type CategoryRow, useCategories, useMajors } from '../../features/catalogue/api/catalogue';
import { CategoryEditDialog } from '../../features/catalogue/components/category-edit-dialog';
import { CategoryFilters, type CategoryFilterValues } from '../../features/catalogue/components/category-filters';
import { CategoryTable } from '../../features/catalogue/components/category-table';
import { TimeLimitDrawer } from '../../features/catalogue/components/time-limit-drawer';
import { apiErrorMessage } from '../../lib/api-error';
import { PageHeader } from '../../lib/ui/page-header';

/** 事部件分类: the city-wide catalogue; district administrators read it (the server refuses their changes). */
export function CataloguePage() {
  const categoriesAccess = useCitySettingAccess('category.manage', 'categories');
  const limitsAccess = useCitySettingAccess('category.manage', 'timeLimits');
  const canManage = categoriesAccess.editable;
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('kind');
  const filters: CategoryFilterValues = {
    kind: kindParam === 'component' || kindParam === 'event' ? kindParam : undefined,
    q: params.get('q') ?? '',
  };
  const list = useCategories({ kind: filters.kind, q: filters.q || undefined });
  const majors = useMajors();
  const [limitsOf, setLimitsOf] = useState<CategoryRow | null>(null);
  const [editing, setEditing] = useState<CategoryRow | null>(null);

  const majorNames = useMemo(
    () => new Map((majors.data ?? []).map((major) => [`${major.kind}-${major.code}`, major.name])),
    [majors.data],
  );

  const applyFilters = (next: CategoryFilterValues) => {
    const search = new URLSearchParams();
    if (next.kind) search.set('kind', next.kind);
    if (next.q) search.set('q', next.q);
    setParams(search, { replace: true });
  };

  return (
    <div>
      <PageHeader
        title="事部件分类"
        description="城市管理部件、事件分类（GB/T 47678.5）及本地立案、结案条件与处置时限"
        extra={<Link to="/catalogue/calendar">工作日历（节假日与调休）</Link>}
      />
      <Card>
        {categoriesAccess.readOnlyReason ? (
          <Alert type="info" showIcon title={categoriesAccess.readOnlyReason} style={{ marginBottom: 16 }} />
        ) : null}
        <CategoryFilters values={filters} onChange={applyFilters} />
        {list.isError ? (
          <Alert type="error" showIcon title={apiErrorMessage(list.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <CategoryTable
          rows={list.data ?? []}
          loading={list.isFetching}
          majorName={(row) => majorNames.get(`${row.kind}-${row.majorCode}`) ?? row.majorCode}
          canManage={canManage}
          onShowLimits={setLimitsOf}
          onEdit={setEditing}
        />
      </Card>
      <TimeLimitDrawer
        category={limitsOf}
        canManage={limitsAccess.editable}
        readOnlyReason={limitsAccess.readOnlyReason}
        onClose={() => setLimitsOf(null)}
      />
      {canManage ? (
        <CategoryEditDialog
          category={editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => message.success(`已保存「${saved.name}」`)}
        />
      ) : null}
    </div>
  );
}
