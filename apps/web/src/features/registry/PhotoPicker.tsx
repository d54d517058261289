import type { FileSummary } from '@enlace/shared';
import { Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { uploadFile } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * Chooses a photo and uploads it to the files room at once (staged until the form that uses it
 * is saved; the server refuses anything that is not an image). The registry's person and
 * belongings forms use it.
 */
export function PhotoPicker({
  value,
  onChange,
  labels,
}: {
  value: FileSummary | null;
  onChange: (file: FileSummary) => void;
  labels: { choose: string; replace: string; none: string; attached: (name: string) => string };
}) {
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const handleFile = async (file: File | null) => {
    if (!file) return;
    setUploading(true);
    setError(null);
    try {
      onChange(await uploadFile<FileSummary>('/api/files', file));
    } catch (e) {
      setError(e);
    } finally {
      setUploading(false);
    }
  };
  return (
    <Stack gap={4}>
      <Group gap="sm" align="center">
        <FileButton onChange={handleFile} accept="image/png,image/jpeg,image/webp">
          {(props) => (
            <Button {...props} variant="default" size="sm" loading={uploading}>
              {value ? labels.replace : labels.choose}
            </Button>
          )}
        </FileButton>
        <Text size="sm" c="dimmed" aria-live="polite">
          {value ? labels.attached(value.name) : labels.none}
        </Text>
      </Group>
      <ErrorAlert error={error} />
    </Stack>
  );
}

/** A person's photo as the files room serves it (read access checked and audited there). */
export function PersonPhoto({ fileId, alt, size = 160 }: { fileId: string; alt: string; size?: number }) {
  return (
    <img
      src={`/api/files/${encodeURIComponent(fileId)}`}
      alt={alt}
      style={{ maxWidth: size, maxHeight: size, borderRadius: 4, objectFit: 'cover', display: 'block' }}
    />
  );
}
