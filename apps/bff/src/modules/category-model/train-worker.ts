/**
 * Worker-thread entry: trains one model from the sources it is given and posts it back.
 * Started by `trainOffThread`, one worker per training run.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { packCategoryModel, packedBuffers } from '@citygov/domain/intake/category-model-packing';
import { buildCategoryModel } from './build-model';
import type { TrainingJob } from './train-off-thread';

const job = workerData as TrainingJob;
const packed = packCategoryModel(buildCategoryModel(job.sources, undefined, new Date(job.now)));
parentPort?.postMessage(packed, packedBuffers(packed));
