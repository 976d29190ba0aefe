import type { ThemeConfig } from 'antd';

/** The desk theme: government blue, compact enough for dense admin tables. */
export const appTheme: ThemeConfig = {
  token: {
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
  },
};
