import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS } from './dto/notifications';
import { flattenMessages, resources } from './locales';

describe('the notification catalogue', () => {
  it('has words for every kind in every language', () => {
    for (const [locale, messages] of Object.entries(resources)) {
      const flat = flattenMessages(messages);
      const missing = NOTIFICATION_KINDS.filter((k) => !flat.get(`notifications.kinds.${k}`));
      expect(missing, locale).toEqual([]);
    }
  });
});
