import { createHmac, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Item } from '../content/load.ts';
import type { SocialPost } from '../social/kit.ts';
import type { Authorize, HttpRequest, Step } from './http.ts';
import type { Target } from './ledger.ts';

/**
 * One adapter per API, each turning a post into the documented HTTP steps:
 * - Facebook Page (Graph API): POST /{page-id}/photos (multipart `source` + `caption`), or
 *   /{page-id}/feed (`message` + `link`) without an image.
 *   https://developers.facebook.com/docs/graph-api/reference/page/photos#Creating
 * - Instagram content publishing: POST /{ig-user-id}/media (`image_url` on the deployed site,
 *   `caption`, `alt_text`), POST /{ig-user-id}/media_publish (`creation_id`), GET /{media-id}?fields=permalink.
 *   https://developers.facebook.com/docs/instagram-platform/content-publishing
 * - X API v2: POST /2/media/upload (multipart `media`, `media_category`), POST /2/media/metadata
 *   (alt text), POST /2/tweets. OAuth 1.0a user context: tokens that do not expire.
 *   https://docs.x.com/x-api/media/upload-media https://docs.x.com/x-api/posts/create-post
 * - CKAN action API (Satu Data portals): package_patch (404 → package_create), then
 *   resource_update or resource_create with the CSV upload (multipart `upload`).
 *   https://docs.ckan.org/en/latest/api/index.html
 * Steps marked `repeatable` may be sent again when their answer is lost; the steps that make
 * a post public (photos, feed, media_publish, tweets) never are (see `Step.repeatable`).
 */

/** Where the APIs live; overridable so tests (and Graph API version bumps) need no code change. */
export interface Endpoints {
  graph: string;
  x: string;
}

export const DEFAULT_ENDPOINTS: Endpoints = { graph: 'https://graph.facebook.com/v23.0', x: 'https://api.x.com' };

/** A post (or dataset) turned into HTTP steps, and how its id and URL come out of the answers. */
export interface PostPlan {
  item: string;
  target: Target;
  /** Identifies the content, so a changed dataset is updated again. */
  hash: string;
  steps: Step[];
  /** Templates over the captured values. */
  result: { id: string; url: string };
}

export interface KitLocation {
  /** Local kit folder (the images). */
  dir: string;
  /** Public URL of the kit on the deployed site, e.g. https://jenawi.../sosial/ (Instagram fetches images from it). */
  publicUrl: string;
}

const firstImage = (post: SocialPost) => post.images[0];

export function planFacebook(post: SocialPost, pageId: string, kit: KitLocation, endpoints: Endpoints): Step[] {
  const image = firstImage(post);
  if (!image) {
    return [
      {
        label: 'Facebook: kirim status dengan tautan',
        request: { method: 'POST', url: `${endpoints.graph}/${pageId}/feed`, form: { message: post.text, link: post.url } },
        capture: { post_id: 'id' },
      },
    ];
  }
  return [
    {
      label: 'Facebook: unggah foto dengan keterangan',
      request: {
        method: 'POST',
        url: `${endpoints.graph}/${pageId}/photos`,
        multipart: { fields: { caption: post.text }, files: [{ name: 'source', path: join(kit.dir, image.path), type: 'image/jpeg' }] },
      },
      capture: { post_id: 'post_id' },
    },
  ];
}

export function planInstagram(post: SocialPost, igUserId: string, kit: KitLocation, endpoints: Endpoints): Step[] {
  const image = firstImage(post)!;
  return [
    {
      label: 'Instagram: buat wadah media dari gambar di situs',
      request: {
        method: 'POST',
        url: `${endpoints.graph}/${igUserId}/media`,
        form: { image_url: new URL(image.path, kit.publicUrl).href, caption: post.text, alt_text: image.alt },
      },
      capture: { creation_id: 'id' },
      // A container is invisible until published, and expires after 24 hours.
      repeatable: true,
    },
    {
      label: 'Instagram: terbitkan wadah media',
      request: { method: 'POST', url: `${endpoints.graph}/${igUserId}/media_publish`, form: { creation_id: '{{creation_id}}' } },
      capture: { media_id: 'id' },
    },
    {
      label: 'Instagram: ambil tautan kiriman',
      request: { method: 'GET', url: `${endpoints.graph}/{{media_id}}`, query: { fields: 'permalink' } },
      capture: { permalink: 'permalink' },
    },
  ];
}

/** X accepts alt text up to 1,000 characters. */
const X_ALT_TEXT_LIMIT = 1000;

export function planX(post: SocialPost, kit: KitLocation, endpoints: Endpoints): Step[] {
  const image = firstImage(post);
  if (!image) {
    return [{ label: 'X: kirim pos', request: { method: 'POST', url: `${endpoints.x}/2/tweets`, json: { text: post.text } }, capture: { tweet_id: 'data.id' } }];
  }
  return [
    {
      label: 'X: unggah gambar',
      request: {
        method: 'POST',
        url: `${endpoints.x}/2/media/upload`,
        multipart: { fields: { media_category: 'tweet_image' }, files: [{ name: 'media', path: join(kit.dir, image.path), type: 'image/jpeg' }] },
      },
      capture: { media_id: 'data.id' },
      // Uploaded media shows nowhere until a post uses it.
      repeatable: true,
    },
    {
      label: 'X: pasang teks alternatif gambar',
      request: { method: 'POST', url: `${endpoints.x}/2/media/metadata`, json: { id: '{{media_id}}', metadata: { alt_text: { text: [...image.alt].slice(0, X_ALT_TEXT_LIMIT).join('') } } } },
      repeatable: true,
    },
    {
      label: 'X: kirim pos dengan gambar',
      request: { method: 'POST', url: `${endpoints.x}/2/tweets`, json: { text: post.text, media: { media_ids: ['{{media_id}}'] } } },
      capture: { tweet_id: 'data.id' },
    },
  ];
}

export const RESULT_TEMPLATES: Record<'facebook' | 'instagram' | 'x', { id: string; url: string }> = {
  facebook: { id: '{{post_id}}', url: 'https://www.facebook.com/{{post_id}}' },
  instagram: { id: '{{media_id}}', url: '{{permalink}}' },
  x: { id: '{{tweet_id}}', url: 'https://x.com/i/web/status/{{tweet_id}}' },
};

/** CKAN license ids for the licences offices write (CKAN's default licence list). */
const CKAN_LICENSES: Record<string, string> = {
  'cc-by-4.0': 'cc-by',
  'cc-by-sa-4.0': 'cc-by-sa',
  'cc0-1.0': 'cc-zero',
  'odc-by': 'odc-by',
  'odbl': 'odc-odbl',
};

/** CKAN names: lowercase letters, digits, "-" and "_", 2–100 characters, unique in the portal. */
export function datasetName(organisation: string, slug: string): string {
  return `${organisation}-${slug}`.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').slice(0, 100);
}

export function planCkan(item: Extract<Item, { jenis: 'data' }>, root: string, portal: string, organisation: string, defaultLicense: string, pageUrl: string): { steps: Step[]; result: { id: string; url: string }; file: string } {
  const name = datasetName(organisation, item.slug);
  const api = `${portal.replace(/\/+$/, '')}/api/3/action`;
  const d = item.data;
  const metadata = {
    title: d.judul,
    notes: d.ringkasan,
    license_id: CKAN_LICENSES[d.lisensi.toLowerCase()] ?? defaultLicense,
    url: pageUrl,
    tags: d.tag.map((tag) => ({ name: tag.replace(/[^\p{L}\p{N} _.-]+/gu, ' ').trim() })).filter((t) => t.name !== ''),
    extras: [
      { key: 'produsen', value: d.produsen },
      { key: 'frekuensi', value: d.frekuensi },
      { key: 'satuan', value: d.satuan },
      { key: 'periode', value: d.periode },
      { key: 'lisensi', value: d.lisensi },
    ],
  };
  const csv = { name: 'upload', path: join(root, item.dir, d.berkas), type: 'text/csv' };
  const resourceFields = { name: d.judul, format: 'CSV', description: `${d.periode}; satuan: ${d.satuan}` };
  const steps: Step[] = [
    {
      label: 'Satu Data: perbarui metadata dataset',
      request: { method: 'POST', url: `${api}/package_patch`, json: { id: name, ...metadata } },
      capture: { package_id: 'result.id', resource_id: 'result.resources.0.id?' },
      repeatable: true,
      fallback: {
        status: 404,
        step: {
          label: 'Satu Data: buat dataset baru',
          request: { method: 'POST', url: `${api}/package_create`, json: { name, owner_org: organisation, ...metadata } },
          capture: { package_id: 'result.id' },
          // The name is unique: a second create is refused, and the next run's patch finds it.
          repeatable: true,
        },
      },
    },
    {
      label: 'Satu Data: ganti berkas CSV',
      when: 'resource_id',
      request: { method: 'POST', url: `${api}/resource_update`, multipart: { fields: { id: '{{resource_id}}', ...resourceFields }, files: [csv] } },
      repeatable: true,
    },
    {
      label: 'Satu Data: unggah berkas CSV',
      when: '!resource_id',
      // Not repeatable (a second CSV would appear); a lost answer is settled by the next run,
      // whose package_patch finds the resource and updates it instead.
      request: { method: 'POST', url: `${api}/resource_create`, multipart: { fields: { package_id: '{{package_id}}', ...resourceFields }, files: [csv] } },
    },
  ];
  return { steps, result: { id: '{{package_id}}', url: `${portal.replace(/\/+$/, '')}/dataset/${name}` }, file: csv.path };
}

// ---- credentials -------------------------------------------------------------------------

/** Graph API (Facebook Page, Instagram): the token goes in the body of POSTs, the query of GETs. */
export function graphAuth(token: string): Authorize {
  return (request) => (request.method === 'GET' || request.json !== undefined ? { query: { access_token: token } } : { form: { access_token: token } });
}

/** CKAN: the API token in the Authorization header. */
export function ckanAuth(token: string): Authorize {
  return () => ({ headers: { authorization: token } });
}

export interface OAuth1Credentials {
  consumerKey: string;
  consumerSecret: string;
  token: string;
  tokenSecret: string;
}

const percent = (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The OAuth 1.0a HMAC-SHA1 signature (RFC 5849 §3.4): over the method, the URL without its
 * query, and the sorted oauth_* and query parameters (a url-encoded form's fields too;
 * JSON and multipart bodies are not signed).
 */
export function oauth1Signature(request: HttpRequest, oauthParams: Record<string, string>, credentials: OAuth1Credentials): string {
  const url = new URL(request.url);
  const params: [string, string][] = [...url.searchParams.entries(), ...Object.entries(request.query ?? {}), ...Object.entries(request.form ?? {}), ...Object.entries(oauthParams)];
  const normalized = params
    .map(([k, v]) => [percent(k), percent(v)] as const)
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const base = [request.method, percent(`${url.origin}${url.pathname}`), percent(normalized)].join('&');
  return createHmac('sha1', `${percent(credentials.consumerSecret)}&${percent(credentials.tokenSecret)}`).update(base).digest('base64');
}

export function oauth1Auth(credentials: OAuth1Credentials, clock: () => Date = () => new Date(), nonce: () => string = () => randomBytes(16).toString('hex')): Authorize {
  return (request) => {
    const oauth: Record<string, string> = {
      oauth_consumer_key: credentials.consumerKey,
      oauth_nonce: nonce(),
      oauth_signature_method: 'HMAC-SHA1',
      oauth_timestamp: String(Math.floor(clock().getTime() / 1000)),
      oauth_token: credentials.token,
      oauth_version: '1.0',
    };
    oauth.oauth_signature = oauth1Signature(request, oauth, credentials);
    const header = Object.entries(oauth)
      .map(([k, v]) => `${percent(k)}="${percent(v)}"`)
      .join(', ');
    return { headers: { authorization: `OAuth ${header}` } };
  };
}
