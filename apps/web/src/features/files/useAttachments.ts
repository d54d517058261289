import { ATTACHMENTS_MAX, type FileSummary, megabytes } from '@enlace/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError, uploadFile } from '../../api';
import { useLooseT } from '../../hooks/useLooseT';
import { useFileLimits } from './files.queries';
import {
  type Attachment,
  attachedIds,
  isUploading,
  keptCount,
  type Preflight,
  preflight,
} from './attachments';

/**
 * The attachments of a message being written: each file chosen is checked (count, size, name),
 * then uploaded at once with its progress; one the server refuses stays in the list with the
 * server's reason and is not sent. Removing a file while it uploads cancels the upload.
 */
export function useAttachments(max: number = ATTACHMENTS_MAX) {
  const t = useLooseT();
  const limits = useFileLimits();
  const [items, setItems] = useState<Attachment[]>([]);
  /** The last change said in words, for screen readers (the list itself is not a live region). */
  const [announcement, setAnnouncement] = useState('');
  const uploads = useRef(new Map<string, AbortController>());
  const nextKey = useRef(0);

  useEffect(() => {
    const running = uploads.current;
    return () => {
      for (const c of running.values()) c.abort();
    };
  }, []);

  const patch = useCallback((key: string, change: Partial<Attachment>) => {
    setItems((list) => list.map((a) => (a.key === key ? { ...a, ...change } : a)));
  }, []);

  const refusal = (why: Preflight): string => {
    if (why === 'too_many') return t('files.tooMany', { count: max });
    if (why === 'file_too_large')
      return t('api:errors.file_too_large', { max: megabytes(limits.data?.maxBytes ?? 0) });
    return t(`api:errors.${why}`);
  };

  const start = (key: string, file: File) => {
    const controller = new AbortController();
    uploads.current.set(key, controller);
    uploadFile<FileSummary>('/api/files', file, {
      signal: controller.signal,
      onProgress: (progress) => patch(key, { progress }),
    })
      .then((saved) => {
        patch(key, { state: 'attached', progress: 1, fileId: saved.id });
        setAnnouncement(t('files.attachedNamed', { name: file.name }));
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        const reason = isApiError(err) ? err.title : t('errors.generic');
        patch(key, { state: 'refused', error: reason });
        setAnnouncement(t('files.refusedNamed', { name: file.name, reason }));
      })
      .finally(() => uploads.current.delete(key));
  };

  const add = (files: readonly File[]) => {
    let kept = keptCount(items);
    const chosen: { item: Attachment; file: File }[] = [];
    for (const file of files) {
      nextKey.current += 1;
      const why = preflight(file, limits.data, kept, max);
      if (!why) kept += 1;
      chosen.push({
        file,
        item: {
          key: `attachment-${nextKey.current}`,
          name: file.name,
          size: file.size,
          state: why ? 'refused' : 'uploading',
          progress: 0,
          fileId: null,
          error: why ? refusal(why) : null,
        },
      });
    }
    setItems((list) => [...list, ...chosen.map((c) => c.item)]);
    for (const { item, file } of chosen) if (item.state === 'uploading') start(item.key, file);
    const refused = chosen.filter((c) => c.item.error);
    if (refused.length)
      setAnnouncement(
        refused.map((c) => t('files.refusedNamed', { name: c.item.name, reason: c.item.error })).join(' '),
      );
  };

  const remove = (key: string) => {
    uploads.current.get(key)?.abort();
    const gone = items.find((a) => a.key === key);
    setItems((list) => list.filter((a) => a.key !== key));
    if (gone) setAnnouncement(t('files.removedNamed', { name: gone.name }));
  };

  /** After the message is sent: its files are the message's now. */
  const clear = () => {
    for (const c of uploads.current.values()) c.abort();
    setItems([]);
  };

  return {
    items,
    announcement,
    limits: limits.data,
    max,
    add,
    remove,
    clear,
    ids: attachedIds(items),
    uploading: isUploading(items),
  };
}

export type Attachments = ReturnType<typeof useAttachments>;
