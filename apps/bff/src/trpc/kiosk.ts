/**
 * A wall kiosk session (大屏值守, docs/security.md) reads the wall and nothing else: besides
 * the wall's procedures it may only ask who it is and sign out. Its user also holds only
 * `dashboard.view`, so a procedure forgotten here is still refused by its permission.
 */
const KIOSK_PATHS = new Set(['auth.me', 'auth.logout']);

export const KIOSK_REFUSAL = '大屏值守会话只能查看指挥大厅大屏';

export function kioskMayCall(path: string): boolean {
  return path.startsWith('wall.') || KIOSK_PATHS.has(path);
}
