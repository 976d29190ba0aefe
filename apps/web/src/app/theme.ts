import type { ThemeConfig } from 'antd';

/** The desk theme: government blue, compact enough for dense admin tables. */
export const appTheme: ThemeConfig = {
  token: {
    // No zooming dialogs or sliding menus: a control is where it is shown the moment it appears.
    // A click on a dialog's 提交 while it was still zooming in pressed on one element and released
    // on another, so no click happened and nothing was saved (seen in the browser tests' traces).
    motion: false,
    colorPrimary: '#1558b0',
    // WCAG AA (4.5:1) for small text on white and the light greys: antd's defaults are
    // 3.3:1 for secondary text (0.45), 1.8:1 for placeholders (0.25) and 4.1:1 for links (#1677ff).
    colorLink: '#1558b0',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif",
  },
  components: {
    Layout: { headerBg: '#0f3f80', siderBg: '#ffffff', headerPadding: '0 16px', headerHeight: 56 },
    // Coloured tags (status, 剩余时间) write in the colour's 7th shade on its 1st, 2.8–3.4:1 for
    // orange, gold, yellow, lime, green and cyan, and status tags in colorX on colorXBg (3.0:1
    // for error, 3.7:1 for processing): one or two shades darker reach 4.5:1 (theme.test.ts).
    Tag: {
      volcano7: '#ad2102',
      orange7: '#ad4e00',
      gold7: '#874d00',
      yellow7: '#876800',
      lime7: '#3f6600',
      green7: '#237804',
      cyan7: '#006d75',
      colorSuccess: '#237804',
      colorWarning: '#ad4e00',
      colorInfo: '#1558b0',
      colorError: '#cf1322',
    },
  },
};
