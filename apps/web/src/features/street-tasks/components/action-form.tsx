import { Alert, App, Button, Input, InputNumber, Radio, Select, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useSession } from '../../../lib/session/session-context';
import { ACTION_SPECS, type FormAction, specFields } from '../action-specs';
import { type CaseDetail, useCaseAction } from '../api/street-cases';
import { useDraft } from '../drafts/use-draft';
import { useSendWithPhotos } from '../hooks/use-send-with-photos';
import { EXTENSION_UNITS, type ExtensionUnit } from '../labels';
import { AssistPendingNote } from './assist-pending-note';
import { DraftRestored } from './draft-restored';
import styles from './phone.module.css';
import { BIG_BUTTON } from './phone-styles';
import { PhotoPicker } from './photo-picker';
import { SendStatus } from './send-status';
import { SubUnitSelect } from './sub-unit-select';

interface ActionFields {
  confirmed: boolean | null;
  reason: string;
  amount: number | null;
  unit: ExtensionUnit;
  /** 二级派遣: the sub-unit chosen. */
  subUnitId?: number | null;
}

const EMPTY: ActionFields = { confirmed: null, reason: '', amount: null, unit: 'working_days', subUnitId: null };
const isEmpty = (f: ActionFields) =>
  f.confirmed === null && !f.reason.trim() && f.amount === null && (f.subUnitId ?? null) === null;

type Problems = Partial<Record<'confirmed' | 'reason' | 'amount' | 'photos' | 'subUnitId', string>>;

interface ActionFormProps {
  detail: CaseDetail;
  action: FormAction;
  onDone: (action: FormAction) => void;
  onRefresh: () => void;
}

/**
 * The form of one case action (核实, 核查, 处置反馈, 申请延期, 申请回退), kept as a draft per
 * case and action. Sends the version the user saw, so a case someone else moved meanwhile
 * is refused with a conflict instead of being overwritten.
 */
export function ActionForm({ detail, action, onDone, onRefresh }: ActionFormProps) {
  const { user } = useSession();
  const { message } = App.useApp();
  const spec = ACTION_SPECS[action];
  const asks = specFields(action);
  const caseId = detail.case.id;
  const draft = useDraft<ActionFields>(`task:${user.id}:${caseId}:${action}`, EMPTY, isEmpty);
  const sender = useSendWithPhotos(draft, spec.photos?.purpose ?? 'report');
  const act = useCaseAction();
  const [problems, setProblems] = useState<Problems>({});
  const { fields } = draft;
  const idBase = `action-${action}`;
  const set = <K extends keyof ActionFields>(key: K, value: ActionFields[K]) => {
    draft.setFields((prev) => ({ ...prev, [key]: value }));
    setProblems((prev) => ({ ...prev, [key]: undefined }));
  };

  const check = (): Problems => {
    const found: Problems = {};
    if (spec.verdict && fields.confirmed === null) found.confirmed = `请选择${spec.verdict.label}`;
    if (asks.subUnit && !fields.subUnitId) found.subUnitId = '请选择下级单位';
    if (!asks.reasonOptional && !fields.reason.trim()) found.reason = `请填写${spec.reasonLabel}`;
    if (asks.extension && (!fields.amount || fields.amount <= 0)) found.amount = '请填写延期时长';
    if (spec.photos?.required && draft.photos.length === 0) found.photos = '请至少拍摄一张照片';
    return found;
  };

  const submit = async () => {
    const found = check();
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const result = await sender.send((attachmentIds) =>
      act.mutateAsync({
        caseId,
        expectedVersion: detail.case.version,
        action,
        reason: fields.reason.trim(),
        confirmed: spec.verdict ? (fields.confirmed ?? undefined) : undefined,
        extension: asks.extension && fields.amount ? { amount: fields.amount, unit: fields.unit } : undefined,
        leadDepartmentId: asks.subUnit ? (fields.subUnitId ?? undefined) : undefined,
        attachmentIds,
      }),
    );
    if (result) {
      await draft.clear();
      void message.success(`${spec.submitText.replace(/^提交/, '')}已提交`);
      onDone(action);
    }
  };

  if (draft.loading) return <Spin description="正在读取草稿…" />;
  const busy = sender.sending;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <DraftRestored
        savedAt={draft.restoredAt}
        onDismiss={draft.dismissRestored}
        onDiscard={() => {
          void draft.clear();
          sender.reset();
        }}
      />
      {draft.storageError ? <Alert type="warning" showIcon title={draft.storageError} /> : null}
      {spec.verdict ? (
        <div>
          <span className={styles.fieldLabel} id={`${idBase}-verdict`}>
            {spec.verdict.label}
          </span>
          <Radio.Group
            aria-labelledby={`${idBase}-verdict`}
            optionType="button"
            buttonStyle="solid"
            size="large"
            disabled={busy}
            value={fields.confirmed === null ? undefined : fields.confirmed ? 'yes' : 'no'}
            onChange={(event) => set('confirmed', event.target.value === 'yes')}
            style={{ display: 'flex' }}
            options={[
              { value: 'yes', label: spec.verdict.yes, style: { flex: 1, textAlign: 'center' } },
              { value: 'no', label: spec.verdict.no, style: { flex: 1, textAlign: 'center' } },
            ]}
          />
          {problems.confirmed ? <Typography.Text type="danger">{problems.confirmed}</Typography.Text> : null}
        </div>
      ) : null}
      {action === 'feedBack' ? <AssistPendingNote departments={detail.departments} /> : null}
      {asks.subUnit ? (
        <SubUnitSelect
          caseId={caseId}
          id={`${idBase}-unit`}
          value={fields.subUnitId ?? null}
          onChange={(value) => set('subUnitId', value)}
          disabled={busy}
          problem={problems.subUnitId}
        />
      ) : null}
      {asks.extension ? (
        <div>
          <label className={styles.fieldLabel} htmlFor={`${idBase}-amount`}>
            延期时长
          </label>
          <div style={{ display: 'flex', gap: 8 }}>
            <InputNumber<number>
              id={`${idBase}-amount`}
              size="large"
              min={1}
              max={720}
              precision={0}
              inputMode="numeric"
              value={fields.amount}
              onChange={(value) => set('amount', value)}
              disabled={busy}
              status={problems.amount ? 'error' : undefined}
              style={{ flex: 1 }}
            />
            <Select<ExtensionUnit>
              size="large"
              aria-label="延期单位"
              value={fields.unit}
              onChange={(value) => set('unit', value)}
              disabled={busy}
              style={{ width: 150 }}
              options={Object.entries(EXTENSION_UNITS).map(([value, label]) => ({
                value: value as ExtensionUnit,
                label,
              }))}
            />
          </div>
          {problems.amount ? <Typography.Text type="danger">{problems.amount}</Typography.Text> : null}
        </div>
      ) : null}
      <div>
        <label className={styles.fieldLabel} htmlFor={`${idBase}-reason`}>
          {spec.reasonLabel}
          {asks.reasonOptional ? '（选填）' : ''}
        </label>
        <Input.TextArea
          id={`${idBase}-reason`}
          rows={3}
          maxLength={1000}
          showCount
          placeholder={spec.reasonPlaceholder}
          value={fields.reason}
          onChange={(event) => set('reason', event.target.value)}
          status={problems.reason ? 'error' : undefined}
          disabled={busy}
        />
        {problems.reason ? <Typography.Text type="danger">{problems.reason}</Typography.Text> : null}
      </div>
      {spec.photos ? (
        <div>
          <span className={styles.fieldLabel}>
            {spec.photos.label}
            {spec.photos.required ? '' : '（选填）'}
          </span>
          <PhotoPicker
            label="拍照"
            photos={draft.photos}
            onAdd={async (files) => {
              await draft.addPhotos(files);
              setProblems((prev) => ({ ...prev, photos: undefined }));
            }}
            onRemove={draft.removePhoto}
            progress={sender.progress}
            failedKey={sender.failedPhotoKey}
            disabled={busy}
            error={problems.photos}
          />
        </div>
      ) : null}
      <SendStatus
        phase={sender.phase}
        failure={sender.failure}
        photoCount={draft.photos.length}
        uploadedCount={draft.photos.filter((p) => p.uploaded).length}
        onRetry={() => void submit()}
        onRefresh={() => {
          sender.reset();
          onRefresh();
        }}
      />
      <Button type="primary" size="large" block loading={busy} onClick={() => void submit()} style={BIG_BUTTON}>
        {busy ? '正在发送…' : spec.submitText}
      </Button>
    </div>
  );
}
