import { COLLECTION_SOURCE, COLLECTION_STATUS, type CollectionStatus } from '@citygov/domain/collection/forms';

export { COLLECTION_SOURCE, COLLECTION_STATUS };

export const STATUS_COLOR: Record<CollectionStatus, string> = {
  pending: 'gold',
  approved: 'green',
  rejected: 'red',
  deregistered: 'default',
  deregister_pending: 'orange',
};

/** The page a QR code opens, as an absolute address for the code image. */
export function absoluteCollectUrl(path: string): string {
  return `${window.location.origin}${path}`;
}
