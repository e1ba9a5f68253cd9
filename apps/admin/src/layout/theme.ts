import { defaultTheme, type RaThemeOptions } from 'react-admin';

export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: { ...defaultTheme.palette, primary: { main: '#1f4e79' }, secondary: { main: '#b22222' } },
  typography: {
    fontFamily: '"Noto Sans SC", "WenQuanYi Zen Hei", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif',
  },
};
