/** One uploaded file (platform/files); its encrypted chunks are in the store it names. */
export interface FilesTable {
  id: string;
  /** 'uploading' (chunks being written) | 'staged' (by its uploader, not yet attached) | 'attached' */
  status: string;
  /** 'folder' | 'db': where the chunks are, whatever the deployment's store is today. */
  store: string;
  uploaded_by: string;
  country_code: string;
  /** The file's name as given, encrypted (names often carry a person's name). */
  name_enc: string;
  /** The type found in the content (never the name or the declared type). */
  media_type: string;
  size_bytes: number;
  /** SHA-256 of the plaintext, hex; null while uploading. */
  sha256: string | null;
  /** The random per-file key, wrapped by the deployment's files key. */
  key_enc: string;
  /** Plaintext bytes per chunk (the last one may be shorter). */
  chunk_bytes: number;
  chunk_count: number;
  /** The capability object it belongs to once attached (e.g. 'exchange_message', its id). */
  owner_type: string | null;
  owner_id: string | null;
  created_at: string;
  attached_at: string | null;
}

/** The `db` store: each encrypted chunk (nonce, ciphertext, tag) in order. */
export interface FileChunksTable {
  file_id: string;
  seq: number;
  data: Buffer;
}
