import type { ThemeConfig } from 'antd';

/** The desk theme: government blue, compact enough for dense admin tables. */
export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: '#1558b0',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif",
  },
  components: {
    Layout: { headerBg: '#0f3f80', siderBg: '#ffffff', headerPadding: '0 16px', headerHeight: 56 },
  },
};
