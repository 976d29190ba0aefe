import { SendOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Radio, Spin, Typography } from 'antd';
import { type ReactNode, useCallback, useState } from 'react';
import type { CreatedRequest, Service } from '../api/open311-client';
import { type ChosenPhoto, useServices, useSubmitReport, useWebConfig } from '../api/public-report';
import { deviceId, rememberReport } from '../hooks/my-reports';
import { LocationField, type MapSlotProps, type PickedPoint } from './location-field';
import { PhotoField } from './photo-field';
import styles from './public.module.css';
import { PublicSection } from './public-layout';
import { ReportSuccess } from './report-success';
import { ServicePicker } from './service-picker';
import { ZlbContact } from './zlb-contact';

type Problems = Partial<Record<'service' | 'description' | 'location' | 'phone', string>>;

const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

interface Fields {
  service: Service | null;
  description: string;
  urgency: 'normal' | 'urgent';
  point: PickedPoint | null;
  address: string;
  name: string;
  phone: string;
}

const EMPTY: Fields = {
  service: null,
  description: '',
  urgency: 'normal',
  point: null,
  address: '',
  name: '',
  phone: '',
};

function check(fields: Fields): Problems {
  const found: Problems = {};
  if (!fields.service) found.service = '请选择问题类型';
  if (fields.description.trim().length < 5) found.description = '请用至少 5 个字描述问题';
  if (!fields.point) found.location = '请定位或在地图上点选问题位置';
  if (fields.phone.trim() && !PHONE.test(fields.phone.replace(/\s/g, '')))
    found.phone = '请填写正确的手机或固定电话号码';
  return found;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : '操作失败，请稍后再试';
}

/** 我要反映: type, description, place and optional contact, sent through Open311 POST requests. */
export function ReportForm({ renderMap }: { renderMap: (props: MapSlotProps) => ReactNode }) {
  const config = useWebConfig();
  const services = useServices(config.data);
  const submit = useSubmitReport(config.data);
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [problems, setProblems] = useState<Problems>({});
  const [created, setCreated] = useState<CreatedRequest | null>(null);
  const [photos, setPhotos] = useState<ChosenPhoto[]>([]);
  const set = <K extends keyof Fields>(key: K, value: Fields[K]) => {
    setFields((prev) => ({ ...prev, [key]: value }));
    const problemKey = key === 'point' ? 'location' : key;
    setProblems((prev) => ({ ...prev, [problemKey]: undefined }));
  };

  // 浙里办: fill only what is still empty.
  const prefill = useCallback((contact: { name: string; phone: string }) => {
    setFields((prev) => ({ ...prev, name: prev.name || contact.name, phone: prev.phone || contact.phone }));
  }, []);

  const send = () => {
    const found = check(fields);
    setProblems(found);
    const { service, point } = fields;
    if (Object.keys(found).length > 0 || !service || !point) return;
    submit.mutate(
      {
        photos,
        input: {
          serviceCode: service.service_code,
          description: fields.description.trim(),
          urgency: fields.urgency,
          lat: point.lat,
          lng: point.lng,
          address: fields.address.trim(),
          name: fields.name.trim(),
          phone: fields.phone.replace(/\s/g, ''),
          deviceId: deviceId(),
        },
      },
      {
        onSuccess: (answer) => {
          rememberReport({
            code: answer.token,
            serviceName: service.service_name,
            at: new Date().toISOString(),
          });
          for (const p of photos) URL.revokeObjectURL(p.previewUrl);
          setPhotos([]);
          setCreated(answer);
          window.scrollTo({ top: 0 });
        },
      },
    );
  };

  if (created) {
    return (
      <ReportSuccess
        created={created}
        onAgain={() => {
          setCreated(null);
          setFields(EMPTY);
          submit.reset();
        }}
      />
    );
  }
  if (config.isPending) return <Spin size="large" description="正在加载…" style={{ margin: '48px auto' }} />;
  if (config.isError) return <Alert type="error" showIcon title={errorText(config.error)} />;
  if (!config.data.apiKey) {
    return (
      <Alert type="warning" showIcon title="网上反映通道暂时关闭" description="请拨打 12345 热线反映城市管理问题。" />
    );
  }

  const busy = submit.isPending;
  return (
    <>
      <PublicSection title="问题类型" required id="public-service-title">
        <ServicePicker
          services={services.data}
          loading={services.isPending}
          value={fields.service}
          onChange={(service) => set('service', service)}
          invalid={Boolean(problems.service)}
          disabled={busy}
        />
        {services.isError ? (
          <Typography.Text className={styles.error}>{errorText(services.error)}</Typography.Text>
        ) : null}
        {problems.service ? <div className={styles.error}>{problems.service}</div> : null}
      </PublicSection>
      <PublicSection title="问题描述" required id="public-description-title">
        <Input.TextArea
          id="public-description"
          aria-labelledby="public-description-title"
          aria-required="true"
          rows={4}
          maxLength={1000}
          showCount
          placeholder="请描述看到的情况，如：小区门口人行道上堆了很多装修垃圾，行人只能走机动车道"
          value={fields.description}
          onChange={(event) => set('description', event.target.value)}
          status={problems.description ? 'error' : undefined}
          disabled={busy}
        />
        {problems.description ? <div className={styles.error}>{problems.description}</div> : null}
        <div className={styles.hint} style={{ marginTop: 6 }}>
          问题描述、类型和位置会作为城市管理公开信息展示，请勿填写姓名、电话等个人信息。
        </div>
        <span className={styles.fieldLabel} id="public-urgency" style={{ marginTop: 14 }}>
          紧急程度
        </span>
        <Radio.Group
          aria-labelledby="public-urgency"
          optionType="button"
          buttonStyle="solid"
          size="large"
          value={fields.urgency}
          onChange={(event) => set('urgency', event.target.value === 'urgent' ? 'urgent' : 'normal')}
          disabled={busy}
          style={{ display: 'flex' }}
          options={[
            { value: 'normal', label: '一般', style: { flex: 1, textAlign: 'center' } },
            { value: 'urgent', label: '紧急（危及安全）', style: { flex: 1, textAlign: 'center' } },
          ]}
        />
      </PublicSection>
      <PublicSection title="现场照片（选填）" id="public-photos-title">
        <PhotoField photos={photos} onChange={setPhotos} disabled={busy} />
      </PublicSection>
      <PublicSection title="问题位置" required id="public-location-title">
        <LocationField
          point={fields.point}
          onPoint={(point) => set('point', point)}
          address={fields.address}
          onAddress={(address) => set('address', address)}
          cityBounds={config.data.city?.bounds}
          renderMap={renderMap}
          error={problems.location}
          disabled={busy}
        />
      </PublicSection>
      <PublicSection title="联系方式（选填）" id="public-contact-title">
        <Typography.Paragraph className={styles.hint} style={{ marginTop: -4 }}>
          仅用于工作人员回访核实，不会公开。
        </Typography.Paragraph>
        <ZlbContact onPrefill={prefill} />
        <label htmlFor="public-name" className={styles.fieldLabel}>
          称呼
        </label>
        <Input
          id="public-name"
          size="large"
          maxLength={20}
          placeholder="如：张先生"
          value={fields.name}
          onChange={(event) => set('name', event.target.value)}
          disabled={busy}
        />
        <label htmlFor="public-phone" className={styles.fieldLabel} style={{ marginTop: 12 }}>
          手机号码
        </label>
        <Input
          id="public-phone"
          size="large"
          inputMode="tel"
          maxLength={20}
          placeholder="方便工作人员联系您"
          value={fields.phone}
          onChange={(event) => set('phone', event.target.value)}
          status={problems.phone ? 'error' : undefined}
          disabled={busy}
        />
        {problems.phone ? <div className={styles.error}>{problems.phone}</div> : null}
      </PublicSection>
      {submit.isError ? (
        <Alert type="error" showIcon title="提交没有成功" description={errorText(submit.error)} role="alert" />
      ) : null}
      {Object.keys(problems).some((k) => problems[k as keyof Problems]) ? (
        <Alert type="warning" showIcon title="还有内容需要补充，请查看上方红色提示" />
      ) : null}
      <Button
        type="primary"
        size="large"
        block
        icon={<SendOutlined aria-hidden="true" />}
        loading={busy}
        onClick={send}
        style={{ height: 52, fontSize: 17 }}
      >
        {busy ? '正在提交…' : '提交反映'}
      </Button>
      <Typography.Text className={styles.hint} style={{ textAlign: 'center' }}>
        紧急情况（如火灾、交通事故）请直接拨打 110 / 119 / 120。
      </Typography.Text>
    </>
  );
}
