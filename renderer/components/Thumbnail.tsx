import { useEffect, useState } from 'react';
import { isImageName } from '../../common/image-names';
import { api } from '../api';

/**
 * Thumbnails already fetched, by item id. Rows mount and unmount as the list scrolls; without
 * this each scroll would ask main to read the file again. Bounded, oldest out first.
 */
const cache = new Map<string, string | null>();
const CACHE_LIMIT = 200;

function remember(id: string, url: string | null): void {
  cache.set(id, url);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
}

/**
 * A small picture of an image upload, read by main from the local file (the window loads
 * nothing from the network, so the bucket's copy is not an option); the file's extension
 * for anything else.
 */
export function Thumbnail({ id, name }: { readonly id: string; readonly name: string }) {
  const image = isImageName(name);
  const [url, setUrl] = useState(() => cache.get(id));
  useEffect(() => {
    if (!image || cache.has(id)) return;
    let live = true;
    void api()
      .uploads.thumbnail(id)
      .then((r) => {
        const value = r.ok ? r.value : null;
        remember(id, value);
        if (live) setUrl(value);
      });
    return () => {
      live = false;
    };
  }, [id, image]);
  const dot = name.lastIndexOf('.');
  const extension = dot > name.lastIndexOf('/') ? name.slice(dot + 1, dot + 5).toUpperCase() : '';
  return (
    <span className="thumb" aria-hidden="true">
      {url ? <img src={url} alt="" /> : extension}
    </span>
  );
}
