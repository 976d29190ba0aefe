import { maskPhone } from '@citygov/domain/personal-data';
import { permissionProcedure, publicProcedure, router } from '../../trpc/procedures';
import { writeAudit } from '../audit/api';
import {
  ZCreateInput,
  ZCreateQrInput,
  ZDecideDeregisterInput,
  ZDeregisterInput,
  ZImportParseInput,
  ZImportRowsInput,
  ZListInput,
  ZOwnerCodeRequestInput,
  ZOwnerLoginInput,
  ZOwnerUpdateInput,
  ZPublicPlaceInput,
  ZPublicRegisterInput,
  ZRevealInput,
  ZReviewInput,
  ZSaveFormInput,
  ZSetQrActiveInput,
  ZTokenInput,
  ZUpdateInput,
} from './collection-schemas';
import {
  OWNER_COOKIE,
  OWNER_SESSION_MS,
  ownRecords,
  requestOwnerCode,
  signInOwner,
  updateOwnRecord,
} from './owner-sign-in';
import { chargePublic } from './public-limits';
import { createQrToken, listQrTokens, publicForm, publicPlace, publicRegister, setQrTokenActive } from './qr-codes';
import {
  createRecord,
  decideDeregister,
  listRecords,
  requestDeregister,
  revealValue,
  reviewRecord,
  updateRecord,
} from './records';
import { importRows, parseSheet } from './spreadsheet-import';
import { saveFormDefinition, typesAndPlaces } from './types';

/**
 * 信息采集: object types and their forms, records in the back office (masked, reviewed,
 * deregistered with approval), QR self-registration and the owners' own page (public).
 */
export const collectionRouter = router({
  types: permissionProcedure('collection.view').query(({ ctx }) => typesAndPlaces(ctx.db, ctx.user)),

  /** 表单设置: the type's next form version (city level only; records keep theirs). */
  saveForm: permissionProcedure('collection.configure')
    .input(ZSaveFormInput)
    .mutation(({ ctx, input }) => saveFormDefinition(ctx.db, ctx.user, input)),

  list: permissionProcedure('collection.view')
    .input(ZListInput)
    .query(({ ctx, input }) => listRecords(ctx.db, ctx.user, input)),

  create: permissionProcedure('collection.edit')
    .input(ZCreateInput)
    .mutation(({ ctx, input }) => createRecord(ctx.db, ctx.user, input)),

  update: permissionProcedure('collection.edit')
    .input(ZUpdateInput)
    .mutation(({ ctx, input }) => updateRecord(ctx.db, ctx.user, input)),

  review: permissionProcedure('collection.review')
    .input(ZReviewInput)
    .mutation(({ ctx, input }) => reviewRecord(ctx.db, ctx.user, input)),

  requestDeregister: permissionProcedure('collection.edit')
    .input(ZDeregisterInput)
    .mutation(({ ctx, input }) => requestDeregister(ctx.db, ctx.user, input)),

  decideDeregister: permissionProcedure('collection.review')
    .input(ZDecideDeregisterInput)
    .mutation(({ ctx, input }) => decideDeregister(ctx.db, ctx.user, input)),

  /** 显示完整: a mutation so the audited transaction logs every full view (and the reveal log). */
  reveal: permissionProcedure('collection.reveal')
    .input(ZRevealInput)
    .mutation(({ ctx, input }) => revealValue(ctx.db, ctx.user, input)),

  qrTokens: permissionProcedure('collection.view').query(({ ctx }) => listQrTokens(ctx.db, ctx.user)),

  createQr: permissionProcedure('collection.edit')
    .input(ZCreateQrInput)
    .mutation(({ ctx, input }) => createQrToken(ctx.db, ctx.user, input)),

  /** 停用 / 重新启用 a 二维码 (the audited transaction logs each switch). */
  setQrActive: permissionProcedure('collection.edit')
    .input(ZSetQrActiveInput)
    .mutation(({ ctx, input }) => setQrTokenActive(ctx.db, ctx.user, input)),

  importParse: permissionProcedure('collection.edit')
    .input(ZImportParseInput)
    .mutation(({ ctx, input }) => parseSheet(ctx.db, input)),

  importRows: permissionProcedure('collection.edit')
    .input(ZImportRowsInput)
    .mutation(({ ctx, input }) => importRows(ctx.db, ctx.user, input)),

  /** The phone page of a QR code (/collect/<token>): the type's form. */
  publicForm: publicProcedure.input(ZTokenInput).query(async ({ ctx, input }) => {
    await chargePublic('read', ctx.ip);
    return publicForm(ctx.db, input.token, ctx.ip);
  }),

  /** The address field's place name for the phone's position. */
  publicPlace: publicProcedure.input(ZPublicPlaceInput).query(async ({ ctx, input }) => {
    await chargePublic('read', ctx.ip);
    return publicPlace(ctx.db, input, ctx.ip);
  }),

  publicRegister: publicProcedure.input(ZPublicRegisterInput).mutation(async ({ ctx, input }) => {
    await chargePublic('write', ctx.ip);
    return publicRegister(ctx.db, input, ctx.ip);
  }),

  /** /collect/me step 1: an SMS code to a phone that owns a record (same answer for any number). */
  ownerCodeRequest: publicProcedure.input(ZOwnerCodeRequestInput).mutation(async ({ ctx, input }) => {
    await chargePublic('write', ctx.ip);
    return requestOwnerCode(ctx.db, ctx.config, input.phone);
  }),

  /** Step 2: the code → the owner's cookie. Logs itself, so a wrong try stays counted. */
  ownerLogin: publicProcedure
    .meta({ auditSelf: true })
    .input(ZOwnerLoginInput)
    .mutation(async ({ ctx, input }) => {
      await chargePublic('write', ctx.ip);
      const entry = { userId: null, username: maskPhone(input.phone), action: 'collection.ownerLogin', ip: ctx.ip };
      try {
        const token = await signInOwner(ctx.db, input.phone, input.code);
        await writeAudit(ctx.db, { ...entry, outcome: 'ok', areaPath: null });
        ctx.cookies.set(OWNER_COOKIE, token, { maxAgeMs: OWNER_SESSION_MS });
        return { signedIn: true };
      } catch (error) {
        await writeAudit(ctx.db, { ...entry, outcome: 'denied', areaPath: null, error: (error as Error).message });
        throw error;
      }
    }),

  ownerRecords: publicProcedure.query(async ({ ctx }) => {
    await chargePublic('read', ctx.ip);
    return ownRecords(ctx.db, ctx.cookies.get(OWNER_COOKIE));
  }),

  ownerUpdate: publicProcedure.input(ZOwnerUpdateInput).mutation(async ({ ctx, input }) => {
    await chargePublic('write', ctx.ip);
    return updateOwnRecord(ctx.db, ctx.cookies.get(OWNER_COOKIE), input);
  }),
});
