import type { CSSProperties } from 'react';

/** Inline so they beat antd's own button sizes without !important. */
export const BIG_BUTTON: CSSProperties = { height: 52, fontSize: 17 };

export const TOP_BAR_BUTTON: CSSProperties = { width: 52, height: 52, color: '#fff', fontSize: 20 };

export const PHOTO_REMOVE_BUTTON: CSSProperties = {
  position: 'absolute',
  top: 4,
  right: 4,
  width: 32,
  height: 32,
  background: 'rgba(0, 0, 0, 0.55)',
  color: '#fff',
  border: 'none',
};
