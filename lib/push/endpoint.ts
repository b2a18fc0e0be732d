import { config } from "@/lib/config";

// Which push endpoints the server will post to. The browser gives the endpoint, so an
// unchecked one would let any signed-in user make the server call an address of their
// choosing (an internal one): only the push services of the browsers people use, over
// https. PUSH_ENDPOINT_HOSTS replaces the list; PUSH_ALLOW_LOCAL_ENDPOINTS=1 (tests only)
// also accepts http://127.0.0.1, where a test's stand-in for the push service listens.

const DEFAULT_HOSTS = [
  "fcm.googleapis.com", // Chrome, Edge on Android, Samsung Internet, Opera
  "updates.push.services.mozilla.com", // Firefox
  ".push.apple.com", // Safari, iOS home-screen apps
  ".notify.windows.com", // Edge on Windows
];

function allowedHosts(): string[] {
  const configured = config()
    .PUSH_ENDPOINT_HOSTS?.split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  return configured?.length ? configured : DEFAULT_HOSTS;
}

export function isAllowedEndpoint(endpoint: string): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (config().PUSH_ALLOW_LOCAL_ENDPOINTS === "1" && url.protocol === "http:" && url.hostname === "127.0.0.1")
    return true;
  if (url.protocol !== "https:" || (url.port && url.port !== "443")) return false;
  const host = url.hostname.toLowerCase();
  return allowedHosts().some((h) => (h.startsWith(".") ? host.endsWith(h) : host === h));
}
