import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rename, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { oauth1Signature, type OAuth1Credentials } from '../../src/lib/publish/adapters.ts';
import type { RetryPolicy } from '../../src/lib/publish/http.ts';
import { planSending, sendPlanned, type Credentials, type SendOptions } from '../../src/lib/publish/kirim.ts';
import { LEDGER_DIR, readLedger } from '../../src/lib/publish/ledger.ts';
import { renderOutcomesText } from '../../src/lib/publish/render.ts';
import { planSocialKit } from '../../src/lib/social/kit.ts';
import { startFakeApi, type FakeApi, type Received, type Reply } from './fake-apis.ts';
import { makeConfig, makeItem } from './fixtures.ts';

const X_CREDENTIALS: OAuth1Credentials = { consumerKey: 'ck', consumerSecret: 'cs', token: 'tk', tokenSecret: 'ts' };
const CREDENTIALS: Credentials = {
  facebook: { pageId: 'PAGE1', token: 'fb-token' },
  instagram: { userId: 'IG1', token: 'ig-token' },
  x: X_CREDENTIALS,
  satu_data: { token: 'ckan-token' },
};

const newsData = { judul: 'Panen Raya Padi di Bunder', ringkasan: 'Warga memanen padi.', gambar: { src: 'foto.jpg', alt: 'Petani memanen padi di sawah.' } };
const news = makeItem('berita', 'panen', newsData, 'Petani Bunder memanen padi bersama.');
const cleanup = makeItem('berita', 'kerja-bakti', { judul: 'Kerja Bakti Saluran Irigasi', ringkasan: 'Warga membersihkan saluran.' }, 'Warga membersihkan saluran irigasi.');
const dataset = makeItem('data', 'penduduk', {
  judul: 'Jumlah Penduduk per Padukuhan',
  berkas: 'penduduk.csv',
  produsen: 'Seksi Pemerintahan',
  frekuensi: 'semesteran',
  satuan: 'jiwa',
  periode: 'Semester I 2026',
  lisensi: 'CC-BY-4.0',
  tag: ['kependudukan'],
  sosial: { nonaktif: true, tagar: [], teks: {} },
});

/**
 * Answers like the real APIs, and refuses (400) a request missing a documented parameter.
 * `failures` are answered first, after the request was received (and so, for the platform,
 * processed); a path in `hanging` is received and never answered.
 */
function makeHandler(state: { packageExists: boolean; failures: Record<string, Reply[]>; hanging?: string; onTweet?: () => void }) {
  return (r: Received): Reply | Promise<Reply> => {
    if (r.path === state.hanging) return new Promise<Reply>(() => {});
    const queued = state.failures[r.path]?.shift();
    if (queued) return queued;
    const missing = (names: string[], from: Record<string, unknown>) => names.find((n) => from[n] === undefined);
    const bad = (what: string) => ({ status: 400, json: { error: { message: `missing ${what}` } } });
    switch (r.path) {
      case '/graph/v23.0/PAGE1/photos':
        if (missing(['caption', 'access_token'], r.fields) || r.files.source?.type !== 'image/jpeg') return bad('caption/source');
        return { json: { id: 'PHOTO1', post_id: 'PAGE1_POST1' } };
      case '/graph/v23.0/IG1/media':
        if (missing(['image_url', 'caption', 'alt_text', 'access_token'], r.fields)) return bad('image_url/caption/alt_text');
        return { json: { id: 'CONTAINER1' } };
      case '/graph/v23.0/IG1/media_publish':
        if (r.fields.creation_id !== 'CONTAINER1') return bad('creation_id');
        return { json: { id: 'MEDIA1' } };
      case '/graph/v23.0/MEDIA1':
        if (r.query.fields !== 'permalink' || r.query.access_token !== 'ig-token') return bad('fields');
        return { json: { id: 'MEDIA1', permalink: 'https://www.instagram.com/p/PANEN1/' } };
      case '/2/media/upload':
        if (r.fields.media_category !== 'tweet_image' || r.files.media?.type !== 'image/jpeg') return bad('media');
        return { json: { data: { id: 'XMEDIA1', media_key: '3_XMEDIA1' } } };
      case '/2/media/metadata':
        return { json: {} };
      case '/2/tweets':
        state.onTweet?.();
        return { status: 201, json: { data: { id: 'TWEET1', text: (r.json as { text: string }).text } } };
      case '/api/3/action/package_patch':
        if (!state.packageExists) return { status: 404, json: { success: false, error: { __type: 'Not Found Error', message: 'Not found' } } };
        return { json: { success: true, result: { id: 'PKG1', resources: [{ id: 'RES1' }] } } };
      case '/api/3/action/package_create':
        if (missing(['name', 'owner_org', 'title'], r.json as Record<string, unknown>)) return bad('name/owner_org/title');
        state.packageExists = true;
        return { json: { success: true, result: { id: 'PKG1', resources: [] } } };
      case '/api/3/action/resource_create':
      case '/api/3/action/resource_update':
        if (!r.files.upload) return bad('upload');
        return { json: { success: true, result: { id: 'RES1' } } };
      default:
        return { status: 404, json: { error: 'unknown endpoint' } };
    }
  };
}

let api: FakeApi;
let root: string;
let state: Parameters<typeof makeHandler>[0];
let sleeps: number[];

beforeEach(async () => {
  state = { packageExists: false, failures: {} };
  api = await startFakeApi((r) => makeHandler(state)(r));
  root = await mkdtemp(join(tmpdir(), 'tayang-kirim-'));
  await mkdir(join(root, 'content/data/penduduk'), { recursive: true });
  await writeFile(join(root, 'content/data/penduduk/penduduk.csv'), 'padukuhan,jiwa\nBunder,812\n');
  sleeps = [];
});

afterEach(() => api.close());

async function prepare(credentials: Credentials = CREDENTIALS, items = [news, dataset]) {
  const config = makeConfig();
  config.kantor.kanal.satu_data = `${api.url}/`;
  const kitDir = join(root, 'dist/sosial');
  const kit = planSocialKit(items, config);
  for (const image of kit.images) {
    await mkdir(dirname(join(kitDir, image.path)), { recursive: true });
    await writeFile(join(kitDir, image.path), await sharp({ create: { width: image.width, height: image.height, channels: 3, background: '#336633' } }).jpeg().toBuffer());
  }
  return planSending({
    items,
    posts: kit.posts,
    config,
    kit: { dir: kitDir, publicUrl: 'https://bunder.example.go.id/sosial/' },
    credentials,
    endpoints: { graph: `${api.url}/graph/v23.0`, x: api.url },
    root,
  });
}

const retry: RetryPolicy = { attempts: 4, baseDelayMs: 1000, maxDelayMs: 60_000, sleep: async (ms) => void sleeps.push(ms) };

function options(overrides: Partial<SendOptions> = {}): SendOptions {
  return { root, run: 'run-1', now: () => new Date('2026-05-12T03:00:00Z'), credentials: CREDENTIALS, dryRun: false, intentOnly: false, retry, ...overrides };
}

const requestsTo = (path: string) => api.received.filter((r) => r.path === path);

describe('tayang kirim adapters', () => {
  it('posts to each API in its documented format and records every post in the ledger', async () => {
    const { plans, manual } = await prepare();
    const outcomes = await sendPlanned(plans, manual, new Map(), options());

    expect(outcomes.map((o) => `${o.target}:${o.state}`).sort()).toEqual(['facebook:posted', 'instagram:posted', 'satu_data:posted', 'whatsapp:manual', 'x:posted']);

    const [photo] = requestsTo('/graph/v23.0/PAGE1/photos');
    expect(photo!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(photo!.fields.caption).toContain('Panen Raya Padi di Bunder');
    expect(photo!.fields.access_token).toBe('fb-token');
    expect((await sharp(photo!.files.source!.bytes).metadata()).width).toBe(1200);

    const [container] = requestsTo('/graph/v23.0/IG1/media');
    expect(container!.fields.image_url).toBe('https://bunder.example.go.id/sosial/berita/panen/1080x1350.jpg');
    expect(container!.fields.alt_text).toBe('Petani memanen padi di sawah.');
    expect(container!.fields.caption).toContain('(tautan di bio)');
    expect(requestsTo('/graph/v23.0/IG1/media_publish')[0]!.fields.creation_id).toBe('CONTAINER1');

    const [upload] = requestsTo('/2/media/upload');
    expect((await sharp(upload!.files.media!.bytes).metadata()).width).toBe(1600);
    expect(requestsTo('/2/media/metadata')[0]!.json).toEqual({ id: 'XMEDIA1', metadata: { alt_text: { text: 'Petani memanen padi di sawah.' } } });
    const [tweet] = requestsTo('/2/tweets');
    expect(tweet!.json).toMatchObject({ media: { media_ids: ['XMEDIA1'] } });
    // The OAuth 1.0a header is signed over this very request.
    const header = Object.fromEntries([...tweet!.headers.authorization!.matchAll(/(\w+)="([^"]*)"/g)].map(([, k, v]) => [k!, decodeURIComponent(v!)]));
    const { oauth_signature: signature, ...oauthParams } = header;
    expect(oauthParams).toMatchObject({ oauth_consumer_key: 'ck', oauth_token: 'tk', oauth_signature_method: 'HMAC-SHA1', oauth_version: '1.0', oauth_timestamp: '1778554800' });
    expect(signature).toBe(oauth1Signature({ method: 'POST', url: `${api.url}/2/tweets` }, oauthParams, X_CREDENTIALS));

    const [create] = requestsTo('/api/3/action/package_create');
    expect(create!.headers.authorization).toBe('ckan-token');
    expect(create!.json).toMatchObject({
      name: 'kalurahan-bunder-penduduk',
      owner_org: 'kalurahan-bunder',
      title: 'Jumlah Penduduk per Padukuhan',
      license_id: 'cc-by',
      tags: [{ name: 'kependudukan' }],
    });
    expect((create!.json as { extras: unknown[] }).extras).toContainEqual({ key: 'periode', value: 'Semester I 2026' });
    const [resource] = requestsTo('/api/3/action/resource_create');
    expect(resource!.fields).toMatchObject({ package_id: 'PKG1', format: 'CSV' });
    expect(resource!.files.upload!.bytes.toString()).toContain('Bunder,812');

    const ledger = await readLedger(root);
    expect(ledger.get('content/berita/panen')!.posts).toMatchObject({
      facebook: { state: 'posted', id: 'PAGE1_POST1', url: 'https://www.facebook.com/PAGE1_POST1' },
      instagram: { state: 'posted', url: 'https://www.instagram.com/p/PANEN1/' },
      x: { state: 'posted', url: 'https://x.com/i/web/status/TWEET1' },
      whatsapp: { state: 'manual' },
    });
    expect(JSON.parse(await readFile(join(root, LEDGER_DIR, 'data/penduduk.json'), 'utf8')).posts.satu_data).toMatchObject({ state: 'posted', url: `${api.url}/dataset/kalurahan-bunder-penduduk` });
  });

  it('never posts an item twice: the next run skips what the ledger holds', async () => {
    const { plans, manual } = await prepare();
    await sendPlanned(plans, manual, await readLedger(root), options());
    const count = api.received.length;
    const again = await sendPlanned(plans, manual, await readLedger(root), options({ run: 'run-2' }));
    expect(api.received.length).toBe(count);
    expect(again.filter((o) => o.target !== 'whatsapp').every((o) => o.state === 'skipped')).toBe(true);
  });

  it('retries a 5xx only where sending twice is harmless, and a 429 everywhere, honouring Retry-After, and posts once', async () => {
    state.failures['/2/media/upload'] = [{ status: 503, json: {} }];
    state.failures['/2/tweets'] = [{ status: 429, json: {}, headers: { 'retry-after': '7' } }];
    const { plans, manual } = await prepare();
    const outcomes = await sendPlanned(plans.filter((p) => p.target === 'x'), manual, new Map(), options());
    expect(outcomes.find((o) => o.target === 'x')).toMatchObject({ state: 'posted' });
    expect(requestsTo('/2/media/upload')).toHaveLength(2);
    expect(requestsTo('/2/tweets')).toHaveLength(2);
    expect(sleeps).toEqual([1000, 7000]);
  });

  it.each<[string, Reply]>([
    ['a 503 after the platform received it', { status: 503, json: { title: 'Service Unavailable' } }],
    ['the connection cut after it was sent', { hangUp: true }],
  ])('never posts twice when the answer to a post is lost: %s', async (_, lost) => {
    state.failures['/2/tweets'] = [lost];
    const { plans, manual } = await prepare();
    const x = plans.filter((p) => p.target === 'x');
    const first = await sendPlanned(x, manual, await readLedger(root), options());
    expect(first.find((o) => o.target === 'x')).toMatchObject({ state: 'uncertain', error: expect.stringContaining('POST /2/tweets') });
    expect(requestsTo('/2/tweets')).toHaveLength(1);
    expect((await readLedger(root)).get('content/berita/panen')!.posts.x).toMatchObject({ state: 'uncertain', run: 'run-1', attempts: 1 });
    // The office is told which post, where, and what to do.
    expect(renderOutcomesText(first)).toContain('content/berita/panen — X: BELUM PASTI terkirim');
    expect(renderOutcomesText(first)).toContain('Periksa akun X kantor: bila kiriman sudah tampil, balas /tautan x <alamat kiriman> di PR-nya; bila belum, balas /tautan x ulang.');

    const next = await sendPlanned(x, manual, await readLedger(root), options({ run: 'run-2' }));
    expect(next.find((o) => o.target === 'x')).toMatchObject({ state: 'skipped', reason: 'uncertain' });
    expect(requestsTo('/2/tweets')).toHaveLength(1);
  });

  it('retries a connection that was never made, and records it as failed (nothing was sent)', async () => {
    const closed = await startFakeApi(() => ({}));
    await closed.close();
    const { plans, manual } = await prepare();
    const x = plans.filter((p) => p.target === 'x').map((p) => ({ ...p, steps: p.steps.map((step) => ({ ...step, request: { ...step.request, url: step.request.url.replace(api.url, closed.url) } })) }));
    const outcomes = await sendPlanned(x, manual, await readLedger(root), options());
    expect(outcomes.find((o) => o.target === 'x')).toMatchObject({ state: 'failed', error: expect.stringContaining('tidak tersambung') });
    expect(sleeps).toHaveLength(3);
  });

  it('does not post again when a post went out but its link could not be fetched', async () => {
    state.failures['/graph/v23.0/MEDIA1'] = [{ status: 400, json: { error: { message: 'Unsupported get request' } } }];
    const { plans, manual } = await prepare();
    const instagram = plans.filter((p) => p.target === 'instagram');
    const first = await sendPlanned(instagram, manual, await readLedger(root), options());
    expect(first.find((o) => o.target === 'instagram')).toMatchObject({ state: 'uncertain' });
    await sendPlanned(instagram, manual, await readLedger(root), options({ run: 'run-2' }));
    expect(requestsTo('/graph/v23.0/IG1/media_publish')).toHaveLength(1);
  });

  it('a platform that hangs costs one timeout: that post is uncertain, its later posts wait for the next run, the other platforms are sent', async () => {
    state.hanging = '/graph/v23.0/PAGE1/photos';
    const { plans, manual } = await prepare(CREDENTIALS, [news, cleanup, dataset]);
    const hurried = options({ timeouts: { apiMs: 300, uploadMs: 300 } });
    // As the workflow does: every intent is recorded (and pushed) before anything is sent.
    await sendPlanned(plans, manual, await readLedger(root), { ...hurried, intentOnly: true });
    const started = Date.now();
    const outcomes = await sendPlanned(plans, manual, await readLedger(root), hurried);
    expect(Date.now() - started).toBeLessThan(3000);

    const states = outcomes.filter((o) => o.target !== 'whatsapp').map((o) => `${o.item} ${o.target}: ${o.state}`);
    expect(states).toEqual([
      'content/berita/panen instagram: posted',
      'content/berita/panen facebook: uncertain',
      'content/berita/panen x: posted',
      'content/berita/kerja-bakti instagram: posted',
      'content/berita/kerja-bakti facebook: deferred',
      'content/berita/kerja-bakti x: posted',
      'content/data/penduduk satu_data: posted',
    ]);
    expect(requestsTo('/graph/v23.0/PAGE1/photos')).toHaveLength(1);
    expect(outcomes.find((o) => o.state === 'uncertain')).toMatchObject({ error: expect.stringContaining('tidak ada jawaban dalam 0.3 detik') });
    const ledger = await readLedger(root);
    expect(ledger.get('content/berita/panen')!.posts.facebook).toMatchObject({ state: 'uncertain' });
    // Not "belum pasti": it was never sent.
    expect(ledger.get('content/berita/kerja-bakti')!.posts.facebook).toMatchObject({ state: 'failed', attempts: 0, error: expect.stringContaining('tidak dicoba: Facebook tidak menjawab') });

    state.hanging = undefined;
    const next = await sendPlanned(plans, manual, await readLedger(root), options({ run: 'run-2' }));
    expect(next.filter((o) => o.target === 'facebook').map((o) => o.state)).toEqual(['skipped', 'posted']);
    expect(requestsTo('/graph/v23.0/PAGE1/photos')).toHaveLength(2);
  }, 10_000);

  it('does not post again when an item\'s folder is renamed after it was posted', async () => {
    const git = (...args: string[]) => promisify(execFile)('git', ['-c', 'user.name=uji', '-c', 'user.email=uji@example.go.id', ...args], { cwd: root });
    await mkdir(join(root, 'content/berita/panen'), { recursive: true });
    await writeFile(join(root, 'content/berita/panen/index.md'), '---\njudul: Panen Raya Padi di Bunder\ntanggal: 2026-05-11\n---\n\nPetani Bunder memanen padi bersama di sawah padukuhan pada Senin pagi.\n');
    await git('init', '--quiet', '--initial-branch=main');
    await git('add', 'content');
    await git('commit', '--quiet', '-m', 'Berita panen');
    const first = await prepare(CREDENTIALS, [news]);
    await sendPlanned(first.plans, first.manual, await readLedger(root), options());
    const count = api.received.length;

    await rename(join(root, 'content/berita/panen'), join(root, 'content/berita/panen-raya'));
    await git('add', '--all', 'content');
    await git('commit', '--quiet', '-m', 'Ganti nama folder');
    const renamed = makeItem('berita', 'panen-raya', newsData, 'Petani Bunder memanen padi bersama.');
    const second = await prepare(CREDENTIALS, [renamed]);
    const outcomes = await sendPlanned(second.plans, second.manual, await readLedger(root), options({ run: 'run-2' }));

    expect(api.received.length).toBe(count);
    expect(outcomes[0]).toEqual({ item: 'content/berita/panen-raya', state: 'moved', from: 'content/berita/panen' });
    expect(outcomes.slice(1).map((o) => `${o.target}: ${o.state}`)).toEqual(['whatsapp: manual', 'instagram: skipped', 'facebook: skipped', 'x: skipped']);
    const ledger = await readLedger(root);
    expect(ledger.get('content/berita/panen-raya')).toMatchObject({ moved_from: ['content/berita/panen'], posts: { x: { state: 'posted' } } });
    // The old folder is free for a new item.
    expect(ledger.has('content/berita/panen')).toBe(false);
    expect(JSON.parse(await readFile(join(root, LEDGER_DIR, 'berita/panen.json'), 'utf8'))).toEqual({ item: 'content/berita/panen', moved_to: 'content/berita/panen-raya', posts: {} });
  });

  it('keeps a failed post pending and retries it on the next run', async () => {
    state.failures['/graph/v23.0/PAGE1/photos'] = [{ status: 400, json: { error: { message: '(#200) Permissions error' } } }];
    const { plans, manual } = await prepare();
    const facebook = plans.filter((p) => p.target === 'facebook');
    const first = await sendPlanned(facebook, manual, await readLedger(root), options());
    expect(first.find((o) => o.target === 'facebook')).toMatchObject({ state: 'failed', attempts: 1 });
    expect(requestsTo('/graph/v23.0/PAGE1/photos')).toHaveLength(1); // 400 is not retried
    expect((await readLedger(root)).get('content/berita/panen')!.posts.facebook).toMatchObject({ state: 'failed', error: expect.stringContaining('Permissions error') });

    const second = await sendPlanned(facebook, manual, await readLedger(root), options({ run: 'run-2' }));
    expect(second.find((o) => o.target === 'facebook')).toMatchObject({ state: 'posted' });
    expect(requestsTo('/graph/v23.0/PAGE1/photos')).toHaveLength(2);
  });

  it('does not post twice after a run killed between posting and recording', async () => {
    const { plans, manual } = await prepare();
    const x = plans.filter((p) => p.target === 'x');
    let killed = false;
    state.onTweet = () => {
      killed = true;
    };
    const dyingClock = () => {
      if (killed) throw new Error('runner killed');
      return new Date('2026-05-12T03:00:00Z');
    };
    await expect(sendPlanned(x, manual, await readLedger(root), options({ now: dyingClock }))).rejects.toThrow('runner killed');
    expect(requestsTo('/2/tweets')).toHaveLength(1);
    expect((await readLedger(root)).get('content/berita/panen')!.posts.x).toMatchObject({ state: 'intent', run: 'run-1' });

    const next = await sendPlanned(x, manual, await readLedger(root), options({ run: 'run-2' }));
    expect(next.find((o) => o.target === 'x')).toMatchObject({ state: 'uncertain' });
    const third = await sendPlanned(x, manual, await readLedger(root), options({ run: 'run-3' }));
    expect(third.find((o) => o.target === 'x')).toMatchObject({ state: 'skipped', reason: 'uncertain' });
    expect(requestsTo('/2/tweets')).toHaveLength(1);
  });

  it('sends the intents recorded by --niat in the same run, and only those', async () => {
    const { plans, manual } = await prepare();
    const x = plans.filter((p) => p.target === 'x');
    const intents = await sendPlanned(x, manual, await readLedger(root), options({ intentOnly: true }));
    expect(intents.find((o) => o.target === 'x')).toMatchObject({ state: 'intent' });
    expect(api.received).toHaveLength(0);
    const sent = await sendPlanned(x, manual, await readLedger(root), options());
    expect(sent.find((o) => o.target === 'x')).toMatchObject({ state: 'posted' });
  });

  it('updates the Satu Data dataset (not a second one) when its data changed', async () => {
    const { plans, manual } = await prepare();
    await sendPlanned(plans.filter((p) => p.target === 'satu_data'), manual, await readLedger(root), options());
    await writeFile(join(root, 'content/data/penduduk/penduduk.csv'), 'padukuhan,jiwa\nBunder,815\n');
    const changed = await prepare();
    await sendPlanned(changed.plans.filter((p) => p.target === 'satu_data'), manual, await readLedger(root), options({ run: 'run-2' }));
    expect(requestsTo('/api/3/action/package_create')).toHaveLength(1);
    expect(requestsTo('/api/3/action/package_patch')).toHaveLength(2);
    const [update] = requestsTo('/api/3/action/resource_update');
    expect(update!.fields.id).toBe('RES1');
    expect(update!.files.upload!.bytes.toString()).toContain('Bunder,815');
  });

  it('without tokens shows exactly what would be sent, sends nothing and records nothing', async () => {
    const { plans, manual } = await prepare({});
    const outcomes = await sendPlanned(plans, manual, new Map(), options({ credentials: {}, dryRun: true }));
    expect(api.received).toHaveLength(0);
    expect(existsSync(join(root, LEDGER_DIR))).toBe(false);
    const facebook = outcomes.find((o) => o.target === 'facebook');
    expect(facebook).toMatchObject({ state: 'dry-run' });
    const plan = (facebook as { plan: string }).plan;
    expect(plan).toContain(`POST ${api.url}/graph/v23.0/{FACEBOOK_PAGE_ID}/photos`);
    expect(plan).toContain('caption = "Panen Raya Padi di Bunder');
    expect(plan).toMatch(/source = @.*berita\/panen\/1200x630\.jpg \(image\/jpeg\)/);
    expect(outcomes.map((o) => JSON.stringify(o)).join('')).not.toMatch(/fb-token|ckan-token/);
  });
});
