import {
  type CSSVariablesResolver,
  createTheme,
  type MantineColorsTuple,
  Menu,
  Notification,
  PasswordInput,
} from '@mantine/core';

// Palettes darker than Mantine's defaults: shade 6 (filled buttons, links, light variants,
// error text) keeps at least 4.5:1 contrast against white and against its own tint (WCAG AA).
const enlace: MantineColorsTuple = [
  '#e7f0f7',
  '#c9dced',
  '#a1c2e0',
  '#74a5d1',
  '#4d8bc4',
  '#3179b8',
  '#1f62a0',
  '#1a5590',
  '#144679',
  '#0e3862',
];
const red: MantineColorsTuple = [
  '#fff0f0',
  '#ffdada',
  '#ffb3b3',
  '#ff8a8a',
  '#f45f5f',
  '#e03e3e',
  '#c12727',
  '#a81f1f',
  '#8f1a1a',
  '#751515',
];
const green: MantineColorsTuple = [
  '#e9f7ee',
  '#c9ecd5',
  '#9cdbb3',
  '#6cc88f',
  '#41b06e',
  '#2b9557',
  '#1f7a45',
  '#1a6a3c',
  '#155a33',
  '#104829',
];
const orange: MantineColorsTuple = [
  '#fff3e6',
  '#ffe0c2',
  '#ffc48f',
  '#ffa55c',
  '#f5862e',
  '#d9690f',
  '#a8500b',
  '#8f440a',
  '#773908',
  '#5e2d06',
];

export const theme = createTheme({
  primaryColor: 'enlace',
  primaryShade: 6,
  colors: { enlace, red, green, orange },
  defaultRadius: 'md',
  focusRing: 'auto',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif',
  headings: { fontWeight: '650' },
  components: {
    // Notifications close by themselves; without this their close button would have no name.
    // Their description in a grey dark enough on the toast's background (WCAG 1.4.3).
    Notification: Notification.extend({
      defaultProps: { withCloseButton: false },
      styles: { description: { color: 'var(--mantine-color-gray-8)' } },
    }),
    // Mantine puts a focusable empty <div> first in every menu, which a role="menu" may not contain
    // (axe: aria-required-children); without it the menu itself takes focus and arrows reach the items.
    Menu: Menu.extend({ defaultProps: { withInitialFocusPlaceholder: false } }),
    // Mantine takes the show-password button out of the Tab order (tabIndex −1); keyboard users need it.
    PasswordInput: PasswordInput.extend({ defaultProps: { visibilityToggleButtonProps: { tabIndex: 0 } } }),
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  // Mantine's dimmed text (gray 6) is 3.3:1 on white; gray 7 is 8:1.
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-6)',
  },
  dark: {},
});
