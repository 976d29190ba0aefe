import { CheckCircleFilled, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Radio, Result, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { apiErrorCode } from '../../../lib/api-error';
import {
  suggestionFeedback,
  useCategorySuggestions,
  useDuplicateCheck,
} from '../../../lib/intake-assist/intake-assist-api';
import { useSession } from '../../../lib/session/session-context';
import { useReportCase } from '../api/street-cases';
import { useDraft } from '../drafts/use-draft';
import { useOnline } from '../hooks/use-online';
import { useSendWithPhotos } from '../hooks/use-send-with-photos';
import { CategoryPicker, type ChosenCategory } from './category-picker';
import { DraftRestored } from './draft-restored';
import { DuplicateCard } from './duplicate-card';
import { LocationPicker, type PickedLocation, useLocationGrid } from './location-picker';
import styles from './phone.module.css';
import { PhoneSection } from './phone-page';
import { BIG_BUTTON } from './phone-styles';
import { PhotoPicker } from './photo-picker';
import { SendStatus } from './send-status';
import { SuggestionChips } from './suggestion-chips';

/** Random id that also works outside secure contexts (plain-http deployments), unlike randomUUID. */
function newRequestId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface ReportFields {
  location: PickedLocation | null;
  address: string;
  category: ChosenCategory | null;
  description: string;
  urgency: 'normal' | 'urgent';
  /** Set at the first send and kept in the draft, so retries are recognised by the server. */
  requestId?: string | null;
}

const EMPTY: ReportFields = {
  location: null,
  address: '',
  category: null,
  description: '',
  urgency: 'normal',
  requestId: null,
};
const isEmpty = (f: ReportFields) => !f.location && !f.address.trim() && !f.category && !f.description.trim();

type Problems = Partial<Record<'location' | 'category' | 'description', string>>;

/** 上报: location, photos, category, description and urgency, kept as a draft until sent. */
export function ReportForm() {
  const { user } = useSession();
  const draft = useDraft<ReportFields>(`report:${user.id}`, EMPTY, isEmpty);
  const sender = useSendWithPhotos(draft, 'report');
  const report = useReportCase();
  const grid = useLocationGrid(draft.fields.location);
  const [problems, setProblems] = useState<Problems>({});
  const [created, setCreated] = useState<{ caseNo: string; mergedInto: { caseNo: string } | null } | null>(null);
  // The reporter's answer on the similar-problems card (kept for 重试): a different problem, or the same as one.
  const distinct = useRef(false);
  const sameAs = useRef<number | null>(null);
  const [choiceMissing, setChoiceMissing] = useState(false);
  const navigate = useNavigate();
  const { fields } = draft;
  const { suggestions } = useCategorySuggestions(fields.description, fields.address);
  const description = fields.description.trim();
  // Photos go up while the reporter types, so 智能判重 compares them too (照片相似 / 照片不同).
  const pendingPhotos = draft.photos.filter((p) => !p.uploaded).map((p) => p.key);
  const online = useOnline();
  const { preupload } = sender;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the set of photos still to send changes, not on every render's new callback
  useEffect(() => {
    if (online && !draft.loading && pendingPhotos.length > 0) void preupload();
  }, [online, draft.loading, pendingPhotos.join()]);
  const uploadedPhotos = draft.photos.flatMap((p) => (p.uploaded ? [p.uploaded.id] : []));
  const duplicates = useDuplicateCheck(
    fields.location && fields.category && description.length >= 4
      ? {
          kind: fields.category.kind,
          categoryCode: fields.category.code,
          lng: fields.location.lng,
          lat: fields.location.lat,
          description,
          ...(fields.address.trim() ? { address: fields.address.trim() } : {}),
          ...(uploadedPhotos.length > 0 ? { attachmentIds: uploadedPhotos } : {}),
        }
      : null,
  );
  const set = <K extends keyof ReportFields>(key: K, value: ReportFields[K]) => {
    draft.setFields((prev) => ({ ...prev, [key]: value }));
    setProblems((prev) => ({ ...prev, [key]: undefined }));
  };

  const check = (): Problems => {
    const found: Problems = {};
    if (!fields.location) found.location = '请定位或在地图上选择问题位置';
    // A refusal (outside the city) blocks; a lookup lost to the network does not: the server checks again.
    else if (grid.isError && apiErrorCode(grid.error) === 'NOT_FOUND') found.location = '所选位置无法上报，请重新选择';
    else if (grid.isPending && grid.isFetching) found.location = '正在确认所在网格，请稍候';
    if (!fields.category) found.category = '请选择问题分类';
    if (fields.description.trim().length < 5) found.description = '问题描述至少 5 个字';
    return found;
  };

  const submit = async () => {
    const found = check();
    setProblems(found);
    const { location, category } = fields;
    if (Object.keys(found).length > 0 || !location || !category) return;
    // One id per report, kept in the draft: a retry after a lost reply returns the saved case.
    const requestId = fields.requestId ?? newRequestId();
    if (!fields.requestId) set('requestId', requestId);
    const result = await sender.send((attachmentIds) =>
      report.mutateAsync({
        source: user.role === 'collector' ? 'collector' : 'patrol',
        kind: category.kind,
        categoryCode: category.code,
        urgency: fields.urgency,
        description: fields.description.trim(),
        address: fields.address.trim() || undefined,
        lng: location.lng,
        lat: location.lat,
        attachmentIds,
        clientRequestId: requestId,
        ...(distinct.current ? { confirmedDistinct: true } : {}),
        ...(sameAs.current !== null ? { sameAsCaseId: sameAs.current } : {}),
        ...(suggestions.length > 0 ? { suggestion: suggestionFeedback(suggestions) } : {}),
      }),
    );
    if (result) {
      await draft.clear();
      distinct.current = false;
      sameAs.current = null;
      setCreated({ caseNo: result.caseNo, mergedInto: result.mergedInto });
      window.scrollTo({ top: 0 });
    }
  };

  if (created) {
    return (
      <div className={styles.section}>
        <Result
          icon={<CheckCircleFilled style={{ color: '#52c41a' }} aria-hidden="true" />}
          title="上报成功"
          subTitle={
            <span>
              案件编号：
              <Typography.Text strong copyable data-testid="case-no">
                {created.caseNo}
              </Typography.Text>
              {created.mergedInto ? (
                <span style={{ display: 'block', marginTop: 8 }} data-testid="merged-note">
                  附近已有同一问题的案件 {created.mergedInto.caseNo}
                  ，您的上报已并入该案件一并办理，可在「我的上报」查看进度。
                </span>
              ) : null}
            </span>
          }
          extra={[
            <Button
              key="again"
              type="primary"
              size="large"
              onClick={() => {
                setCreated(null);
                sender.reset();
              }}
            >
              继续上报
            </Button>,
            <Button key="mine" size="large" onClick={() => navigate('/m/mine')}>
              查看我的上报
            </Button>,
          ]}
        />
      </div>
    );
  }

  if (draft.loading) return <Spin size="large" description="正在读取草稿…" style={{ margin: '40px auto' }} />;
  const busy = sender.sending;
  const uploadedCount = draft.photos.filter((p) => p.uploaded).length;
  return (
    <>
      <DraftRestored
        savedAt={draft.restoredAt}
        onDismiss={draft.dismissRestored}
        onDiscard={() => {
          void draft.clear();
          sender.reset();
        }}
      />
      {draft.storageError ? <Alert type="warning" showIcon title={draft.storageError} /> : null}
      <PhoneSection title="问题位置" labelledBy="report-location">
        <LocationPicker value={fields.location} onChange={(v) => set('location', v)} error={problems.location} />
        <label htmlFor="report-address" className={styles.fieldLabel} style={{ marginTop: 12 }}>
          详细地址（选填）
        </label>
        <Input
          id="report-address"
          size="large"
          maxLength={200}
          placeholder="如：滨江路 88 号门口，不填则按网格自动生成"
          value={fields.address}
          onChange={(event) => set('address', event.target.value)}
          disabled={busy}
        />
      </PhoneSection>
      <PhoneSection title="现场照片" labelledBy="report-photos">
        <PhotoPicker
          photos={draft.photos}
          onAdd={draft.addPhotos}
          onRemove={draft.removePhoto}
          progress={sender.progress}
          failedKey={sender.failedPhotoKey}
          disabled={busy}
          uploadsAhead
        />
      </PhoneSection>
      <PhoneSection title="问题分类" labelledBy="report-category">
        <CategoryPicker
          value={fields.category}
          onChange={(v) => set('category', v)}
          error={problems.category}
          disabled={busy}
        />
      </PhoneSection>
      <PhoneSection>
        <label htmlFor="report-description" className={styles.fieldLabel}>
          问题描述
        </label>
        <Input.TextArea
          id="report-description"
          rows={4}
          maxLength={2000}
          showCount
          placeholder="请描述现场情况，如：人行道上堆放建筑垃圾约 2 立方米，影响通行"
          value={fields.description}
          onChange={(event) => set('description', event.target.value)}
          status={problems.description ? 'error' : undefined}
          disabled={busy}
        />
        {problems.description ? <Typography.Text type="danger">{problems.description}</Typography.Text> : null}
        <SuggestionChips
          suggestions={suggestions}
          value={fields.category}
          onPick={(v) => set('category', v)}
          disabled={busy}
        />
        <span className={styles.fieldLabel} id="report-urgency" style={{ marginTop: 14 }}>
          紧急程度
        </span>
        <Radio.Group
          aria-labelledby="report-urgency"
          optionType="button"
          buttonStyle="solid"
          size="large"
          value={fields.urgency}
          onChange={(event) => set('urgency', event.target.value === 'urgent' ? 'urgent' : 'normal')}
          disabled={busy}
          style={{ display: 'flex' }}
          options={[
            { value: 'normal', label: '一般', style: { flex: 1, textAlign: 'center' } },
            { value: 'urgent', label: '紧急', style: { flex: 1, textAlign: 'center' } },
          ]}
        />
      </PhoneSection>
      {sender.phase === 'idle' ? (
        <DuplicateCard
          candidates={duplicates.candidates}
          onDistinct={() => {
            distinct.current = true;
            sameAs.current = null;
            setChoiceMissing(false);
            void submit();
          }}
          onSame={(candidate) => {
            distinct.current = false;
            sameAs.current = candidate.caseId;
            setChoiceMissing(false);
            void submit();
          }}
          error={choiceMissing ? '附近已有相似问题，请先选择「是同一问题」或「不是同一问题」' : undefined}
          disabled={busy}
        />
      ) : null}
      <SendStatus
        phase={sender.phase}
        failure={sender.failure}
        photoCount={draft.photos.length}
        uploadedCount={uploadedCount}
        onRetry={() => void submit()}
      />
      <Button
        type="primary"
        size="large"
        block
        icon={<SendOutlined aria-hidden="true" />}
        loading={busy}
        disabled={draft.loading}
        onClick={() => {
          // With similar cases on show, the reporter answers on the card: nothing is merged unasked.
          if (sender.phase === 'idle' && duplicates.candidates.length > 0) {
            setChoiceMissing(true);
            document.getElementById('similar-cases')?.scrollIntoView({ block: 'center' });
            return;
          }
          distinct.current = false;
          sameAs.current = null;
          void submit();
        }}
        style={BIG_BUTTON}
      >
        {busy ? '正在发送…' : '提交上报'}
      </Button>
    </>
  );
}
