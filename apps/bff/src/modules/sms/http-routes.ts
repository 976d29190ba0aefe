import type { Database } from '@citygov/db/client';
import express from 'express';
import { receiptsOf } from '../../adapters/sms/gateway';
import { SMS_RECEIPT_SIGNATURE_HEADER, smsReceiptSignatureMatches } from '../../adapters/sms/receipt-signature';
import type { AppConfig } from '../../env';
import { applySmsReceipts } from './receipts';

/**
 * Delivery receipts pushed by the SMS gateway: POST /api/sms/receipts/<aliyun|yunmas>.
 * No session (a gateway has none), so it sits before the CSRF guard; the body's HMAC
 * (X-Citygov-Signature, with SMS_CALLBACK_SECRET) is checked on the raw bytes before
 * anything is parsed. Answered with the gateway's acknowledgement once applied.
 */
export function createSmsReceiptRoutes(db: Database, config: AppConfig) {
  const routes = express.Router();
  routes.post('/:gateway', express.raw({ type: () => true, limit: '512kb' }), async (req, res, next) => {
    try {
      const gateway = req.params.gateway;
      if (gateway !== 'aliyun' && gateway !== 'yunmas') {
        res.status(404).json({ error: { code: 'NOT_FOUND', message: '没有这个短信网关' } });
        return;
      }
      const sms = config.sms;
      if (!sms || sms.gateway !== gateway) {
        res.status(404).json({ error: { code: 'NOT_FOUND', message: '未启用该短信网关' } });
        return;
      }
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const signature = req.get(SMS_RECEIPT_SIGNATURE_HEADER);
      if (!smsReceiptSignatureMatches(sms.callbackSecret, body, signature)) {
        res.status(401).json({ error: { code: 'SIGNATURE_INVALID', message: '回执签名校验失败' } });
        return;
      }
      let parsed: ReturnType<typeof receiptsOf>;
      try {
        parsed = receiptsOf(gateway, JSON.parse(body.toString('utf8')));
      } catch {
        res.status(400).json({ error: { code: 'FIELD_INVALID', message: '回执格式错误' } });
        return;
      }
      await applySmsReceipts(db, gateway, parsed.receipts);
      res.json(parsed.ack);
    } catch (error) {
      next(error);
    }
  });
  return routes;
}
