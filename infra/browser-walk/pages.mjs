// The public pages Kassa serves, opened in Chromium through the gateway (issue 84 point 10): a sale's digital receipt
// (/r/{token}) and a table's menu for guests (/m/{token}). Each must be drawn with its own style (a computed style differs
// from the browser's default), show its QR code where it has one (the image decoded: naturalWidth > 0) and break no rule
// of its Content-Security-Policy (no violation event, no "Refused to …" on the console), also when it is loaded again
// (the menu then comes from the browser's cache after a 304).
//   KASSA_GATEWAY=http://localhost:8080 KASSA_ACCESS=<owner's token> KASSA_STORE=<store key> node pages.mjs [shots-dir]
// Makes what it opens through the API: a product, a shift if none is open, a sale paid in cash, its receipt link, a table;
// or opens the links it is given (KASSA_RECEIPT_URL and KASSA_MENU_URL, on the gateway: no token needed then).
// Exits non-zero on the first miss, printing what the page showed and what the browser refused.
import { chromium } from 'playwright-core';
import fs from 'node:fs';

const out = process.argv[2] || 'shots';
fs.mkdirSync(out, { recursive: true });
const gateway = process.env.KASSA_GATEWAY || 'http://localhost:8080';
const api = async (method, path, body) => {
  const r = await fetch(gateway + path, {
    method, body: body === undefined ? undefined : JSON.stringify(body),
    headers: { Authorization: `Bearer ${process.env.KASSA_ACCESS}`, 'X-Tenant-Key': process.env.KASSA_STORE, 'Content-Type': 'application/json' },
  });
  const text = await r.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = text; }
  return { status: r.status, body: json };
};
const need = (what, answer, ok) => {
  if (!ok) {
    console.error(`MISS ${what}: ${JSON.stringify(answer)}`);
    process.exit(1);
  }
  console.log(`ok   ${what}`);
};

// 1. what the pages show: a sale with its receipt link, a table with its menu link
const links = async () => {
  const product = await api('POST', '/api/products/products/',
    { name: `Chuchvara ${Date.now()}`, cost_price: 9000, sale_price: 15000, unit: 'pcs', initial_quantity: 20 });
  need('a product to sell', product, product.status === 201 || product.status === 200);
  let shift = await api('GET', '/api/sales/sessions/current/');
  if (shift.status !== 200) shift = await api('POST', '/api/sales/sessions/open/', { opening_balance: 100000 });
  need('an open shift', shift, shift.status < 300 && shift.body?.data?.id);
  const scanned = await api('POST', '/api/sales/sales/scan-item/', { session: shift.body.data.id, product: product.body.id, quantity: 1 });
  need('scanned', scanned, scanned.status < 300 && scanned.body?.data?.id);
  const sale = scanned.body.data.id;
  const paid = await api('POST', `/api/sales/sales/${sale}/checkout/`,
    { payments: [{ payment_method: 'cash', amount: 15000, received_amount: 20000 }] });
  need('paid', paid, paid.status === 200);
  const link = await api('POST', `/api/sales/sales/${sale}/receipt-link/`, {});
  need('its digital receipt link', link, link.status === 200 && /\/r\/[A-Za-z0-9_-]+$/.test(link.body?.url || ''));
  const table = await api('POST', '/api/sales/tables/', { name: `Walk ${Date.now() % 100000}` });
  need('a table with its menu link', table, table.status === 201 && /\/m\/[A-Za-z0-9_-]+$/.test(table.body?.menu_url || ''));
  return { receipt: link.body.url, menu: table.body.menu_url };
};
const { receipt, menu } = process.env.KASSA_RECEIPT_URL && process.env.KASSA_MENU_URL
  ? { receipt: process.env.KASSA_RECEIPT_URL, menu: process.env.KASSA_MENU_URL }
  : await links();

// 2. each page in Chromium, through the gateway (the link's path on the gateway the walk was given)
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
let failed = false;
try {
  // what a page looks like unstyled: the browser's defaults for the properties the pages set
  const blank = await browser.newPage();
  await blank.setContent('<!DOCTYPE html><html><body><p>x</p></body></html>');
  const unstyled = await blank.evaluate(() => {
    const s = getComputedStyle(document.body);
    return { maxWidth: s.maxWidth, fontFamily: s.fontFamily, marginLeft: s.marginLeft };
  });
  await blank.close();

  const pages = [
    { name: 'receipt', url: gateway + new URL(receipt).pathname, image: true },
    { name: 'menu', url: gateway + new URL(menu).pathname, image: false },
  ];
  for (const { name, url, image } of pages) {
    const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
    const refused = [];
    page.on('console', m => { if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(`console: ${m.text()}`); });
    // registered before the page's own content runs; the policy does not govern what the browser is told to run
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation',
        e => window.__violations.push(`${e.violatedDirective} ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
    });
    const check = async (when, response) => {
      const status = response ? response.status() : 'cached';
      const policy = response ? (await response.allHeaders())['content-security-policy'] || '' : '';
      const seen = await page.evaluate(() => {
        const s = getComputedStyle(document.body);
        const img = document.querySelector('img');
        return {
          style: { maxWidth: s.maxWidth, fontFamily: s.fontFamily, marginLeft: s.marginLeft },
          image: img ? { complete: img.complete, naturalWidth: img.naturalWidth } : null,
          violations: window.__violations,
          text: document.body.innerText.replace(/\s+/g, ' ').slice(0, 300),
        };
      });
      const misses = [];
      if (response && status !== 200 && status !== 304) misses.push(`answered ${status}`);
      // a reload revalidated by a 304 shows the page kept, under the policy it came with (Chromium reports the 304's
      // headers): the policy is read on the first load only
      if (when === 'opened' && !/style-src 'nonce-[A-Za-z0-9_+/=-]+'/.test(policy)) misses.push(`no nonce in its policy: ${policy}`);
      if (seen.style.maxWidth === unstyled.maxWidth && seen.style.fontFamily === unstyled.fontFamily) {
        misses.push(`drawn unstyled: ${JSON.stringify(seen.style)} as the default ${JSON.stringify(unstyled)}`);
      }
      if (image && !(seen.image && seen.image.complete && seen.image.naturalWidth > 0)) misses.push(`the QR code is not shown: ${JSON.stringify(seen.image)}`);
      if (seen.violations.length) misses.push(`violations: ${seen.violations.join('; ')}`);
      if (refused.length) misses.push(refused.join('; '));
      await page.screenshot({ path: `${out}/pages-${name}-${when}.png`, fullPage: true });
      if (misses.length) {
        failed = true;
        console.error(`MISS the ${name} (${when}, ${status}) at ${url}: ${misses.join(' | ')}\n     it shows: ${seen.text}`);
      } else {
        console.log(`ok   the ${name} (${when}, ${status}): styled (max-width ${seen.style.maxWidth}, ${seen.style.fontFamily.split(',')[0]})`
          + (image ? `, its QR code ${seen.image.naturalWidth} px wide` : '') + ', no CSP violation');
      }
    };
    await check('opened', await page.goto(url, { waitUntil: 'load' }));
    // again: the receipt is never stored (a new answer, a new nonce), the menu is revalidated (a 304, the page kept)
    await check('reloaded', await page.reload({ waitUntil: 'load' }));
    await page.close();
  }
} finally {
  await browser.close();
}
if (failed) process.exit(1);
console.log(`Screenshots of the public pages: ${out}/pages-*.png`);
