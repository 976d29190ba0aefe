import { type SmsConfig, type SmsReceipt, SmsSendError, type SmsToSend, sendFailure } from '../types';
import { ZYunmasReports, ZYunmasSubmitAnswer } from './schemas';
import { yunmasMac } from './signing';

/** 云MAS template SMS (/sms/tmpsubmit); resolves with the msgGroup. */
export async function sendYunmasSms(config: SmsConfig, message: SmsToSend): Promise<string> {
  const fields = {
    ecName: config.ecName,
    apId: config.accessKeyId,
    templateId: message.template,
    mobiles: message.phone,
    params: JSON.stringify(Object.values(message.params)),
    sign: config.signName,
    // addSerial is an extension code (digits): ours is the out id's digits, so receipts can be matched.
    addSerial: '',
  };
  const body = Buffer.from(JSON.stringify({ ...fields, mac: yunmasMac(fields, config.accessKeySecret) })).toString(
    'base64',
  );
  let text: string;
  let status: number;
  try {
    const response = await fetch(new URL('/sms/tmpsubmit', config.baseUrl), {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body,
      signal: AbortSignal.timeout(config.timeoutMs),
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    throw sendFailure(error, '短信发送');
  }
  let answer: ReturnType<typeof ZYunmasSubmitAnswer.parse>;
  try {
    answer = ZYunmasSubmitAnswer.parse(JSON.parse(text));
  } catch {
    throw new SmsSendError('unknown', `短信网关返回了无法解析的内容（HTTP ${status}）`, String(status));
  }
  if (answer.rspcod !== 'success' || !answer.msgGroup) {
    throw new SmsSendError('rejected', `短信网关拒绝发送：${answer.rspcod}`, answer.rspcod);
  }
  return answer.msgGroup;
}

export function yunmasReceiptsOf(body: unknown): { receipts: SmsReceipt[]; ack: unknown } {
  const reports = ZYunmasReports.parse(body);
  return {
    receipts: reports.map((r) => ({
      remoteId: r.msgGroup,
      outId: null,
      phone: r.mobile,
      delivered: r.reportStatus === 'CL',
      errCode: r.reportStatus === 'CL' ? null : (r.errorCode ?? r.reportStatus),
    })),
    ack: 'ok',
  };
}
