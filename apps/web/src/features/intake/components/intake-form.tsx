import { Alert, Button, Col, Form, Input, Radio, Row, Select, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { apiErrorMessage, apiFieldErrors } from '../../../lib/api-error';
import {
  type CategorySuggestion,
  suggestionFeedback,
  useCategorySuggestions,
  useDuplicateCheck,
} from '../../../lib/intake-assist/intake-assist-api';
import { PhotoUpload } from '../../../lib/ui/photo-upload';
import { type CategoryHit, type ReportedCase, useCategorySearch, useReportCase } from '../api/intake';
import { CategoryGuide } from './category-guide';
import { CategoryPicker, categoryKeyOf } from './category-picker';
import { DuplicateAlert } from './duplicate-alert';
import { INTAKE_SOURCE_OPTIONS, type IntakeValues, toReportInput } from './intake-values';
import { SuggestedCategories } from './suggested-categories';

export interface PickedLocation {
  point: { lng: number; lat: number } | null;
  grid: { id: number; code: string; name: string; inScope?: boolean } | undefined;
  loading: boolean;
  error: unknown;
}

const FIELD_OF: Record<string, keyof IntakeValues | 'location'> = {
  lng: 'location',
  lat: 'location',
  kind: 'category',
  categoryCode: 'category',
};

/** 案件登记 (一口受理): the report's fields; the location comes from the map next to it. */
export function IntakeForm({
  location,
  onReported,
}: {
  location: PickedLocation;
  onReported: (r: ReportedCase) => void;
}) {
  const [form] = Form.useForm<IntakeValues>();
  const [category, setCategory] = useState<CategoryHit | null>(null);
  const [photos, setPhotos] = useState<number[]>([]);
  const [locationError, setLocationError] = useState<string | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  // One id per form: a retried submit (lost response) returns the case already saved instead of a duplicate.
  const [requestId] = useState(() => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`);
  const report = useReportCase();
  const { point, grid } = location;
  const description = Form.useWatch('description', form) ?? '';
  const categoryValue = Form.useWatch('category', form);
  const address: string = Form.useWatch('address', form) ?? '';
  const { suggestions } = useCategorySuggestions(description, address);
  // The whole catalogue (cached): a suggestion is picked as the full category, with its conditions.
  const catalogue = useCategorySearch('');
  const chosenKey = categoryKeyOf(categoryValue);
  const trimmedDescription = description.trim();
  const duplicates = useDuplicateCheck(
    point && chosenKey && trimmedDescription.length >= 4
      ? {
          kind: chosenKey.kind,
          categoryCode: chosenKey.code,
          lng: point.lng,
          lat: point.lat,
          description: trimmedDescription,
          ...(address.trim() ? { address: address.trim() } : {}),
          // Photos already uploaded take part (照片相似 / 照片不同).
          ...(photos.length > 0 ? { attachmentIds: photos } : {}),
        }
      : null,
  );

  const pickSuggestion = (s: CategorySuggestion) => {
    const hit = catalogue.data?.find((h) => h.kind === s.kind && h.code === s.code) ?? null;
    form.setFields([{ name: 'category', value: `${s.kind}:${s.code}`, errors: [] }]);
    setCategory(hit);
  };

  // The grid's name is the address suggestion until the acceptor types one.
  useEffect(() => {
    setLocationError(null);
    if (grid && !form.isFieldTouched('address')) form.setFieldValue('address', `${grid.name}附近`);
  }, [grid, form]);

  // 不是同一问题，仍要登记: the acceptor said the similar cases offered are other problems.
  const distinct = useRef(false);

  const submit = async (values: IntakeValues) => {
    setServerError(null);
    const key = categoryKeyOf(values.category);
    if (!point) {
      setLocationError('请在地图上点击问题位置');
      return;
    }
    if (!key) return;
    try {
      onReported(
        await report.mutateAsync(
          toReportInput(values, key, point, photos, requestId, distinct.current, suggestionFeedback(suggestions)),
        ),
      );
    } catch (error) {
      const message = apiErrorMessage(error);
      const fieldErrors = Object.entries(apiFieldErrors(error));
      for (const [name, errors] of fieldErrors) {
        const field = FIELD_OF[name] ?? (name as keyof IntakeValues);
        if (field === 'location') setLocationError(errors.join('；'));
        else form.setFields([{ name: field, errors }]);
      }
      if (fieldErrors.length > 0) return;
      if (/位置|范围/.test(message)) setLocationError(message);
      else if (/小类/.test(message)) form.setFields([{ name: 'category', errors: [message] }]);
      else setServerError(message);
    }
  };

  const locationHelp = locationError ?? (location.error ? apiErrorMessage(location.error) : null);
  return (
    <Form<IntakeValues>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ source: 'hotline', urgency: 'normal' }}
      scrollToFirstError
    >
      {serverError ? <Alert type="error" showIcon title={serverError} style={{ marginBottom: 16 }} /> : null}
      <Form.Item
        label="问题位置"
        required
        validateStatus={locationHelp ? 'error' : undefined}
        help={locationHelp ?? undefined}
      >
        <div aria-live="polite" data-testid="picked-location">
          {!point ? <Typography.Text type="secondary">请在左侧地图上点击问题位置</Typography.Text> : null}
          {point && location.loading ? <Typography.Text type="secondary">正在查询所在网格…</Typography.Text> : null}
          {point && !location.loading && !grid ? (
            <Typography.Text>
              已选坐标 {point.lng.toFixed(6)}, {point.lat.toFixed(6)}
            </Typography.Text>
          ) : null}
          {point && grid ? (
            <Typography.Text>
              {grid.name}（网格编码 {grid.code}） · {point.lng.toFixed(6)}, {point.lat.toFixed(6)}
              {grid.inScope === false ? (
                <Typography.Text type="warning">（不在您的辖区内，登记后由所在辖区办理）</Typography.Text>
              ) : null}
            </Typography.Text>
          ) : null}
        </div>
      </Form.Item>
      <Form.Item name="category" label="事部件小类" rules={[{ required: true, message: '请选择事部件小类' }]}>
        <CategoryPicker onCategory={setCategory} current={category} />
      </Form.Item>
      <div style={{ marginBottom: 16 }}>
        <CategoryGuide category={category} />
      </div>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="source" label="案件来源" rules={[{ required: true, message: '请选择案件来源' }]}>
            <Select options={INTAKE_SOURCE_OPTIONS} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="urgency" label="紧急程度">
            <Radio.Group
              optionType="button"
              options={[
                { value: 'normal', label: '一般' },
                { value: 'urgent', label: '紧急' },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="description"
        label="问题描述"
        rules={[
          { required: true, whitespace: true, message: '请填写问题描述' },
          { min: 5, message: '问题描述至少 5 个字' },
        ]}
      >
        <Input.TextArea
          rows={4}
          showCount
          maxLength={2000}
          placeholder="时间、地点、问题现状，如：XX路口人行道有流动摊贩占道经营"
        />
      </Form.Item>
      <SuggestedCategories suggestions={suggestions} selected={categoryValue} onPick={pickSuggestion} />
      <Form.Item name="address" label="地址" extra="点击地图后自动填入所在网格，可修改为具体门牌">
        <Input maxLength={200} placeholder="如：临江区滨江路 88 号东侧人行道" />
      </Form.Item>
      {category?.kind === 'component' ? (
        <Form.Item
          name="componentId"
          label="部件编码"
          rules={[{ pattern: /^\d{17}$/, message: '部件编码须为 17 位数字' }]}
        >
          <Input maxLength={17} placeholder="17 位：6 位行政区划 + 2 位大类 + 3 位小类 + 6 位序号" />
        </Form.Item>
      ) : null}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="reporterName" label="上报人">
            <Input maxLength={40} placeholder="来电人或举报人姓名（选填）" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="reporterPhone"
            label="联系电话"
            rules={[{ pattern: /^[0-9-]{5,20}$/, message: '联系电话格式不正确' }]}
          >
            <Input maxLength={20} placeholder="选填" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="现场照片">
        <PhotoUpload purpose="report" onChange={setPhotos} />
      </Form.Item>
      <DuplicateAlert
        candidates={duplicates.candidates}
        onDistinct={() => {
          distinct.current = true;
          form.submit();
        }}
        busy={report.isPending}
      />
      <Button
        type="primary"
        htmlType="submit"
        size="large"
        loading={report.isPending}
        onClick={() => {
          distinct.current = false;
        }}
      >
        登记案件
      </Button>
    </Form>
  );
}
