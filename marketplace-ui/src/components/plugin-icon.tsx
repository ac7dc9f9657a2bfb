/**
 * An integration's icon: the image the platform serves from the signed bundle
 * (`/icons/<plugin>/<sha256>.svg`, via Listing.iconUrl) or the publisher's https
 * URL, loaded as an image only; otherwise, or if it fails to load, a coloured
 * tile with the initial. Decorative: the name is always next to it.
 */
import { useState } from 'react';

export function PluginIcon({ name, src, size = 48 }: { name: string; src: string | null | undefined; size?: number }) {
  const [failed, setFailed] = useState(false);
  if (src && !failed && /^(\/icons\/|https:)/.test(src)) {
    return <img src={src} alt="" width={size} height={size} className="plugin-icon" loading="lazy" onError={() => setFailed(true)} />;
  }
  const hue = [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 7);
  return (
    <span className="plugin-icon plugin-icon-tile" aria-hidden="true" style={{ width: size, height: size, background: `hsl(${hue} 55% 42%)`, fontSize: size / 2.2 }}>
      {name.slice(0, 1).toUpperCase()}
    </span>
  );
}
