import { useMemo } from 'react';
import { EChart } from '../../../lib/charts/echart';
import type { AnalyticsView } from '../api/analytics';
import { dayTrendOption, paretoOption, sourceOption, weekHourOption } from '../charts/analytics-options';
import styles from './monthly-report.module.css';

const percent = (p: number | null) => (p === null ? '—' : `${p}%`);
const hours = (h: number | null) => (h === null ? '—' : `${h} 小时`);

/**
 * 月度分析报告: one month of an area on A4 — basis, volume structure (小类 TOP25 Pareto,
 * sources, areas, departments), time and space, repeat points, disposal efficiency and the
 * district / street ranking. Printed by the browser (打印 or 另存为 PDF).
 */
export function MonthlyReport({ view, printedBy }: { view: AnalyticsView; printedBy: string }) {
  const charts = useMemo(
    () => ({
      days: dayTrendOption(view.days),
      pareto: paretoOption(
        '小类 TOP25 帕累托',
        view.categories.map((c) => ({ name: c.name, count: c.reported })),
      ),
      sources: sourceOption(view.sources.map((s) => ({ name: s.name, count: s.count }))),
      weekHour: weekHourOption(view.weekHour),
    }),
    [view],
  );
  const s = view.summary;
  const e = view.efficiency;
  const ranking = [...view.areas].sort(
    (a, b) => (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) || b.reported - a.reported,
  );
  return (
    <article className={styles.sheet} aria-label="月度分析报告">
      <h1>
        {view.area.name} {view.period.from.replace('-', '年')}月 城市管理案件分析报告
      </h1>
      <div className={styles.meta}>
        数据来源：案件事件流汇总 · 生成人 {printedBy} · 生成时间 {new Date().toLocaleString('zh-CN')}
      </div>

      <section className={styles.section}>
        <h2>一、基本情况</h2>
        <div className={styles.figures}>
          {(
            [
              ['上报', s.reported],
              ['结案', s.closed],
              ['按期结案率', percent(s.onTimeRate)],
              ['超期结案', s.overdue],
              ['延期 / 返工', `${s.extended} / ${s.reworked}`],
            ] as const
          ).map(([label, value]) => (
            <div key={label} className={styles.figure}>
              {label}
              <b>{value}</b>
            </div>
          ))}
        </div>
      </section>

      <section>
        <h2>二、案件构成</h2>
        <div className={styles.chart}>
          <EChart option={charts.pareto} label="小类帕累托图" />
        </div>
        <div className={styles.chart}>
          <EChart option={charts.sources} label="案件来源图" />
        </div>
        <table className={styles.table} aria-label="部门处置">
          <thead>
            <tr>
              <th>主办部门</th>
              <th>派遣</th>
              <th>结案</th>
              <th>P50</th>
              <th>P90</th>
              <th>超期</th>
              <th>延期</th>
              <th>返工</th>
            </tr>
          </thead>
          <tbody>
            {e.departments.map((d) => (
              <tr key={d.departmentId}>
                <td>{d.name}</td>
                <td>{d.dispatched}</td>
                <td>{d.closed}</td>
                <td>{hours(d.p50Hours)}</td>
                <td>{hours(d.p90Hours)}</td>
                <td>{d.overdue}</td>
                <td>{d.extended}</td>
                <td>{d.reworked}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section>
        <h2>三、时间与空间分布</h2>
        <div className={styles.chart}>
          <EChart option={charts.days} label="按日趋势图" />
        </div>
        <div className={styles.chart}>
          <EChart option={charts.weekHour} label="周时段热力图" />
        </div>
        <p>
          高发网格：
          {view.grids
            .slice(0, 10)
            .map((g) => `${g.name}（${g.count}件）`)
            .join('、') || '无'}
        </p>
      </section>

      <section className={styles.section}>
        <h2>四、重复发生点位</h2>
        {view.repeatPoints.length === 0 ? (
          <p>本月没有同一类别在约50米内重复发生3次以上的点位。</p>
        ) : (
          <table className={styles.table} aria-label="重复发生点位">
            <thead>
              <tr>
                <th>类别</th>
                <th>次数</th>
                <th>位置（经纬度）</th>
              </tr>
            </thead>
            <tbody>
              {view.repeatPoints.slice(0, 15).map((p) => (
                <tr key={p.key}>
                  <td>{p.categoryName}</td>
                  <td>{p.count}</td>
                  <td>
                    {p.lng.toFixed(5)}, {p.lat.toFixed(5)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className={styles.section}>
        <h2>五、处置效率</h2>
        <p>
          结案 {e.closed} 件，处置时长中位数（P50）{hours(e.p50Hours)}，P90 {hours(e.p90Hours)}；4小时内结案{' '}
          {percent(e.within4h)}，24小时内结案 {percent(e.within24h)}。
        </p>
      </section>

      <section className={styles.section}>
        <h2>六、{view.area.level === 'city' ? '各区' : '各街道'}排名（按期结案率）</h2>
        <table className={styles.table} aria-label="区域排名">
          <thead>
            <tr>
              <th>名次</th>
              <th>区域</th>
              <th>上报</th>
              <th>结案</th>
              <th>按期结案率</th>
              <th>超期</th>
            </tr>
          </thead>
          <tbody>
            {ranking.map((a, i) => (
              <tr key={a.areaId}>
                <td>{i + 1}</td>
                <td>{a.name}</td>
                <td>{a.reported}</td>
                <td>{a.closed}</td>
                <td>{percent(a.onTimeRate)}</td>
                <td>{a.overdue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </article>
  );
}
