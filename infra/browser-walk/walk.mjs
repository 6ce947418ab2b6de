// The original web client driven in Chromium against a running Kassa: node walk.mjs <username> <shots-dir>
// (the client served on :5173 by serve.mjs, the gateway on :8080; KASSA_ACCESS, KASSA_STORE and KASSA_EMPLOYEE: the
// owner's token, store key and employee id, for what the client has no screen for). A screenshot per step; exits
// non-zero on the first miss, printing the screen and the API calls the client made.
import { chromium } from 'playwright-core';
import fs from 'node:fs';

const [user, out] = [process.argv[2], process.argv[3] || 'shots'];
fs.mkdirSync(out, { recursive: true });
const client = process.env.KASSA_CLIENT_URL || 'http://localhost:5173';
const gateway = process.env.KASSA_GATEWAY || 'http://localhost:8080';
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
const calls = [];
page.on('response', r => { if (r.url().includes('/api/')) calls.push(`${r.request().method()} ${new URL(r.url()).pathname} ${r.status()}`); });
let step = 0;
// a screenshot once the page has settled (no request of the client's in flight for half a second, fonts loaded); on a
// loaded machine a first try can time out while Chromium still lays out the page, so one more try, with the longer wait,
// before the step counts as missed
const shot = async name => {
  const path = `${out}/${String(++step).padStart(2, '0')}-${name}.png`;
  await page.waitForLoadState('networkidle', { timeout: 15000 }).catch(() => {});
  await page.evaluate(() => document.fonts.ready).catch(() => {});
  try {
    await page.screenshot({ path, timeout: 30000 });
  } catch (first) {
    console.log(`...  screenshot ${name} again: ${first.message.split('\n')[0]}`);
    await page.waitForTimeout(2000);
    await page.screenshot({ path, timeout: 60000, animations: 'disabled', caret: 'hide' });
  }
};
const screen = async () => (await page.locator('body').innerText()).replace(/\s+/g, ' ');
const fail = async message => {
  console.error(`MISS ${message}\n${(await screen()).slice(0, 1500)}\n${calls.slice(-30).join('\n')}`);
  fs.writeFileSync(`${out}/api-calls.txt`, calls.join('\n') + '\n');
  await browser.close();
  process.exit(1);
};
const expect = async (what, text) => {
  // the client refetches after a change: give the screen a few seconds to show it
  const deadline = Date.now() + 8000;
  while (!(await screen()).includes(text)) {
    if (Date.now() > deadline) await fail(`${what}: "${text}" not on the screen`);
    await page.waitForTimeout(250);
  }
  console.log(`ok   ${what}`);
};
const check = async (what, condition, detail) => {
  if (!condition) await fail(`${what}: ${JSON.stringify(detail)}`);
  console.log(`ok   ${what}`);
};
// what the client has no screen for, through the same gateway with the owner's token
const api = async (method, path, body) => {
  const r = await fetch(gateway + path, {
    method, body: body === undefined ? undefined : JSON.stringify(body),
    headers: { Authorization: `Bearer ${process.env.KASSA_ACCESS}`, 'X-Tenant-Key': process.env.KASSA_STORE, 'Content-Type': 'application/json' },
  });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : null };
};

try {
  // 1. login, the till, the shift opened at the register's float
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
  await expect('at the register\'s float', 'Boshlang\'ich: 100 000 uzs');
  await expect('the drawer holds the float', 'Kassada: 100 000 uzs');

  // 2. a sale through the screen: the cashier card, two scans, cash
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
  await expect('the drawer', 'Kassada: 124 000 uzs');

  // 3. cash with change: the client always sends received_amount = the total (it has no field for the cash handed
  //    over), so the second sale is rung up through the API a till app would use, 12 000 paid with 20 000
  const shift = (await api('GET', '/api/sales/sessions/current/')).body.data;
  const scanned = await api('POST', '/api/sales/sales/scan-item/', { session: shift.id, barcode: '4780000000011', quantity: 1 });
  await check('a second sale scanned through the API', scanned.status < 300, scanned);
  const saleId = scanned.body.data.id;
  const paid = await api('POST', `/api/sales/sales/${saleId}/checkout/`,
    { payments: [{ payment_method: 'cash', amount: 12000, received_amount: 20000 }] });
  await check('paid with 20 000', paid.status === 200, paid);
  const receipt = await api('GET', `/api/sales/sales/${saleId}/receipt/`);
  fs.writeFileSync(`${out}/receipt-${saleId}.json`, JSON.stringify(receipt.body, null, 2) + '\n');
  await check('the receipt gives 8 000 change', Number(receipt.body.receipt.change) === 8000, receipt.body);
  await page.reload();
  await shot('second-sale');
  await expect('the shift counts both', 'Sotuvlar: 2 ta');
  await expect('the change stays out of the drawer', 'Kassada: 136 000 uzs');

  // 4. the sales history lists both receipts, completed
  const sales = await api('GET', '/api/sales/sales/?status=completed');
  const numbers = sales.body.results.map(s => s.receipt_number);
  await check('two completed sales', numbers.length === 2, sales.body);
  await page.goto(`${client}/history`);
  await shot('history');
  for (const number of numbers) await expect(`receipt ${number} in the history`, number);
  await expect('completed', 'Yakunlangan');

  // 5. close the shift through its screen: nothing short, the expected cash counted
  await page.goto(`${client}/`);
  await expect('the till again', 'Smena ochiq');
  await page.getByRole('button', { name: 'Smenani yopish' }).click();
  await expect('the close screen', 'Kassada bo\'lishi kerak');
  await shot('closing');
  await page.getByText('Yopish', { exact: true }).last().click();
  await expect('closed', 'Smena yopildi');
  // the contract answers sessions/current with 404 when no shift is open; the client's query keeps the shift it last
  // read when a refetch fails, so the panel shows the closed shift until the page is loaded again
  await page.reload();
  await expect('no shift open', 'Smena ochilmagan');
  await shot('closed');
  const shifts = await api('GET', '/api/sales/sessions/?status=closed');
  const closed = shifts.body.results[0];
  await check('closed with 136 000 counted and no difference',
    shifts.body.count === 1 && Number(closed.actual_cash) === 136000 && Number(closed.cash_difference) === 0, closed);

  // 6. the tasks page: empty, the create form, a task, its status and a comment
  await page.goto(`${client}/tasks`);
  await expect('the tasks page', 'Vazifalar');
  await expect('no tasks yet', 'Vazifalar yo\'q');
  await shot('tasks-empty');
  await page.getByText('+ Yangi vazifa').click();
  await expect('the create form', 'Yangi vazifa yaratish');
  const tomorrow = new Date(Date.now() + 86400000).toISOString().slice(0, 10);
  await page.getByPlaceholder('Vazifa nomini kiriting').fill('Vitrinani yangilash');
  await page.getByPlaceholder('Vazifa haqida batafsil ma\'lumot').fill('Ichimliklar vitrinasi');
  const selects = page.locator('select');
  const storeOptions = await selects.nth(3).locator('option').allInnerTexts();
  await check('the form offers the store', storeOptions.includes('Walk Market'), storeOptions);
  await selects.nth(3).selectOption({ label: 'Walk Market' });
  await selects.nth(4).selectOption('high');
  await page.locator('input[type=date]').fill(tomorrow);
  const assignees = await selects.nth(2).locator('option').allInnerTexts();
  await shot('task-form');
  let task;
  if (assignees.length > 1) {
    await selects.nth(2).selectOption({ index: 1 });
    await page.getByText('Yaratish', { exact: true }).click();
    await expect('the new card', 'Vitrinani yangilash');
    task = (await api('GET', '/api/tasks/?search=Vitrinani')).body.results[0];
  } else {
    // the page reads GET /api/users/users/ as a plain array; the contract (and the client's own employees page) has
    // it paginated, so its assignee list stays empty: the create body the page would send goes through its own path
    console.log('note the form\'s assignee list is empty: the page reads /api/users/users/ as a plain array');
    await page.keyboard.press('Escape');
    const created = await api('POST', '/api/tasks/', { title: 'Vitrinani yangilash', description: 'Ichimliklar vitrinasi',
      assigned_to: Number(process.env.KASSA_EMPLOYEE), priority: 'high', deadline: tomorrow, store: 1 });
    await check('the page\'s create body', created.status === 201, created);
    task = created.body;
  }
  await page.goto(`${client}/tasks`);
  await expect('the card', 'Vitrinani yangilash');
  await expect('its assignee', 'Xodim: Azamat Karimov');
  await expect('its store', 'Do\'kon: Walk Market');
  // the card counts whole days up to the deadline, the end of tomorrow in the store's time zone: "Ertaga" or "2 kundan keyin"
  await check('its deadline', /Muddat: (Ertaga|2 kundan keyin)/.test(await screen()), (await screen()).match(/Muddat: \S+/)?.[0]);
  await shot('task-card');

  const moved = await api('POST', `/api/tasks//${task.id}/update_status/`, { status: 'in_progress' });
  await check('update_status to in_progress', moved.status === 200 && moved.body.status === 'in_progress', moved);
  const commented = await api('POST', `/api/tasks//${task.id}/add_comment/`, { text: 'Boshladim' });
  await check('add_comment', commented.status === 201, commented);
  const back = await api('POST', `/api/tasks//${task.id}/update_status/`, { status: 'pending' });
  await check('a move the workflow forbids is refused', back.status === 400 && back.body.status === 'error', back);
  await page.reload();
  await page.locator('select').first().selectOption('in_progress');
  await expect('the card under "Jarayonda"', 'Vitrinani yangilash');
  const card = await page.getByText('Vitrinani yangilash').locator('xpath=../..').innerText();
  await check('the card counts the comment', /\n1\s*$/.test(card), card);
  await shot('task-in-progress');
} finally {
  fs.writeFileSync(`${out}/api-calls.txt`, calls.join('\n') + '\n');
  await browser.close();
}
