// The original web client's till, driven in Chromium against a running Kassa: node walk.mjs <username> <shots-dir>
// (the client served on :5173 by serve.mjs, the gateway on :8080). A screenshot per step; exits non-zero on a miss.
import { chromium } from 'playwright-core';
import fs from 'node:fs';

const [user, out] = [process.argv[2], process.argv[3] || 'shots'];
fs.mkdirSync(out, { recursive: true });
const client = process.env.KASSA_CLIENT_URL || 'http://localhost:5173';
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
const calls = [];
page.on('response', r => { if (r.url().includes('/api/')) calls.push(`${r.request().method()} ${new URL(r.url()).pathname} ${r.status()}`); });
let step = 0;
const shot = async name => {
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${out}/${String(++step).padStart(2, '0')}-${name}.png` });
};
const screen = async () => (await page.locator('body').innerText()).replace(/\s+/g, ' ');
const expect = async (what, text) => {
  const now = await screen();
  if (!now.includes(text)) {
    console.error(`MISS ${what}: "${text}" not on the screen\n${now.slice(0, 1500)}\n${calls.join('\n')}`);
    await browser.close();
    process.exit(1);
  }
  console.log(`ok   ${what}`);
};

try {
  await page.goto(`${client}/auth`);
  await page.getByPlaceholder('Foydalanuvchi nomi').fill(user);
  await page.getByPlaceholder('Parolingizni kiriting').fill('SecurePass123');
  await page.keyboard.press('Enter');
  await page.waitForURL(u => !u.pathname.startsWith('/auth'), { timeout: 15000 });
  await shot('till');
  await expect('the till after login', 'Smenani ochish');

  await page.getByRole('button', { name: 'Smenani ochish' }).click();
  await page.getByRole('button', { name: 'Ochish', exact: true }).click();
  await shot('shift-open');
  await expect('the shift is open', 'Smena ochiq');

  // the client scans and pays only with a cashier card chosen
  await page.getByText('Azamat Karimov').first().click();
  const scan = page.getByPlaceholder('Shtrix-kod skanerlang...');
  for (let i = 0; i < 2; i++) {
    await scan.fill('4780000000011');
    await scan.press('Enter');
    await page.waitForTimeout(1000);
  }
  await shot('scanned');
  await expect('two units in the sale', '24.000 uzs');

  await page.getByText('Naqd', { exact: true }).click();
  await page.getByText('Bajarildi', { exact: true }).click();
  await shot('paid');
  await expect('the sale is done', 'Sotuv muvaffaqiyatli amalga oshirildi');
  await expect('the shift counts it', 'Sotuvlar: 1 ta');
  await expect('cash sales', 'Naqd sotuvlar: 24 000 uzs');
} finally {
  fs.writeFileSync(`${out}/api-calls.txt`, calls.join('\n') + '\n');
  await browser.close();
}
