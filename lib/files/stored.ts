// A stored file as a message carries it: a grouped message's copies share these (lib/conversations/post.ts).
export type FileOriginal = {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
  storage: string;
  storageKey: string;
  url: string | null;
  thumbKey: string | null;
  width: number | null;
  height: number | null;
};
