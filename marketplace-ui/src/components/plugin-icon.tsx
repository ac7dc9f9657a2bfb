/**
 * An integration's icon: the manifest's image when it is a URL the browser can
 * load, otherwise a coloured tile with the initial (the API does not serve
 * bundle files such as icon.svg).
 */
export function PluginIcon({ name, icon, size = 48 }: { name: string; icon: string | null | undefined; size?: number }) {
  if (icon && /^(https:|data:image\/)/.test(icon)) return <img src={icon} alt="" width={size} height={size} className="plugin-icon" />;
  const hue = [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 7);
  return (
    <span className="plugin-icon plugin-icon-tile" aria-hidden="true" style={{ width: size, height: size, background: `hsl(${hue} 55% 42%)`, fontSize: size / 2.2 }}>
      {name.slice(0, 1).toUpperCase()}
    </span>
  );
}
