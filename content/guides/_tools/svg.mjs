// Templates for the guides' pictures: flat drawings of a phone screen (or a counter, or a list of
// papers) with the one thing to look at highlighted in yellow and pointed at by an orange arrow.
// Plain SVG only (no script, no raster, no external reference) so a pack stays safe and small, and
// large labels so an elderly citizen can read them at arm's length on the kiosk.

const W = 420;
const H = 540;
const FONT = "Arial, 'Noto Sans', 'Segoe UI', sans-serif";
const INK = '#1b1b1b';
const MUTED = '#5a5a5a';
const HI_FILL = '#ffe45c';
const HI_STROKE = '#e8590c';
const OK = '#2b8a3e';
const BAD = '#c92a2a';

/** App header colours: our own flat colours, not the real apps' branding. */
const APPS = {
  vneid: { name: 'VNeID', color: '#a61e1e' },
  dvc: { name: 'Dịch vụ công', color: '#1c5fb0' },
  police: { name: 'Dịch vụ công Bộ Công an', color: '#2f5d3a' },
  bank: { name: 'Ngân hàng', color: '#0b7285' },
  store: { name: 'Cửa hàng ứng dụng', color: '#495057' },
  sms: { name: 'Tin nhắn', color: '#495057' },
  call: { name: 'Cuộc gọi đến', color: '#343a40' },
  dial: { name: 'Gọi điện', color: '#2b8a3e' },
  web: { name: 'Trình duyệt', color: '#495057' },
  learn: { name: 'Bình dân học vụ số', color: '#5f3dc4' },
  settings: { name: 'Cài đặt', color: '#495057' },
  camera: { name: 'Máy ảnh', color: '#343a40' },
};

// The phone's screen, in picture coordinates.
const SX = 52;
const SY = 62;
const SW = 276;
const SH = 420;

export function esc(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Break a label into lines of at most `max` characters (SVG text does not wrap by itself). */
export function wrap(text, max) {
  const lines = [];
  let current = '';
  for (const word of String(text).split(/\s+/)) {
    if (current && (`${current} ${word}`).length > max) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}

function text(x, y, label, { size = 22, weight = 'normal', color = INK, anchor = 'start', max = 40, gap = 1.2 } = {}) {
  const lines = wrap(label, max);
  const spans = lines.map((l, i) => `<tspan x="${x}" dy="${i === 0 ? 0 : Math.round(size * gap)}">${esc(l)}</tspan>`).join('');
  return `<text x="${x}" y="${y}" font-size="${size}" font-weight="${weight}" fill="${color}" text-anchor="${anchor}">${spans}</text>`;
}

function lineCount(label, max) {
  return wrap(label, max).length;
}

/** Orange arrow from the right margin to a point on the screen's right edge. */
function arrow(y) {
  const x = SX + SW - 6;
  return `<g fill="${HI_STROKE}" stroke="${HI_STROKE}"><line x1="${W - 8}" y1="${y}" x2="${x + 26}" y2="${y}" stroke-width="10" stroke-linecap="round"/><path d="M${x} ${y} L${x + 32} ${y - 20} L${x + 32} ${y + 20} Z" stroke-width="2"/></g>`;
}

/**
 * The part of the picture the step is about: the yellow box, its text and the arrow, grouped and
 * named (`class="hi"`, `aria-label`), so the pack checker can hold the step to what it points at.
 */
function pointer(label, inner) {
  return `<g class="hi" aria-label="${esc(label)}">${inner}</g>`;
}

function highlightBox(x, y, w, h) {
  return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="10" fill="${HI_FILL}" stroke="${HI_STROKE}" stroke-width="5"/>`;
}

function phone(app, title, body) {
  const a = APPS[app] ?? APPS.dvc;
  const header = `<rect x="${SX}" y="${SY}" width="${SW}" height="58" fill="${a.color}"/>${text(SX + 16, SY + 38, a.name, { size: 24, weight: 'bold', color: '#ffffff' })}`;
  const heading = title ? text(SX + 16, SY + 94, title, { size: 22, weight: 'bold', max: 22 }) : '';
  return (
    `<rect x="${SX - 22}" y="${SY - 44}" width="${SW + 44}" height="${SH + 92}" rx="40" fill="#263238"/>` +
    `<rect x="${SX}" y="${SY}" width="${SW}" height="${SH}" rx="6" fill="#ffffff"/>` +
    `<rect x="${SX + SW / 2 - 30}" y="${SY - 26}" width="60" height="8" rx="4" fill="#546e7a"/>` +
    `<circle cx="${SX + SW / 2}" cy="${SY + SH + 25}" r="14" fill="none" stroke="#546e7a" stroke-width="3"/>` +
    header +
    heading +
    body
  );
}

function svg(title, inner) {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" font-family="${FONT}">` +
    `<title>${esc(title)}</title>` +
    `<rect width="${W}" height="${H}" fill="#f4f6f8"/>` +
    inner +
    `</svg>\n`
  );
}

/** A list of menu rows; `hi` is the row to tap. */
function menu({ app, title, items, hi }) {
  let y = SY + 116;
  let body = '';
  let marked = '';
  items.forEach((item, i) => {
    const n = lineCount(item, 19);
    const h = 24 + n * 26;
    const label = text(SX + 22, y + 34, item, { size: 21, weight: i === hi ? 'bold' : 'normal', max: 19, gap: 1.24 });
    if (i === hi) marked = pointer(item, highlightBox(SX + 8, y, SW - 16, h) + label + arrow(y + h / 2));
    else body += `<rect x="${SX + 8}" y="${y}" width="${SW - 16}" height="${h}" rx="10" fill="#eef1f4"/>${label}`;
    y += h + 10;
  });
  return phone(app, title, body) + marked;
}

/** Labelled boxes and a button; `hi` is a field index or 'button'. Boxes grow with long values. */
function form({ app, title, fields, button, hi = 'button' }) {
  let y = SY + 104;
  let body = '';
  let marked = '';
  fields.forEach((f, i) => {
    const label = text(SX + 14, y + 18, f.label, { size: 18, color: MUTED, max: 26 });
    const boxY = y + 26;
    const boxH = 20 + lineCount(f.value || ' ', 21) * 24;
    const value = text(SX + 24, boxY + 29, f.value ?? '', { size: 20, max: 21, gap: 1.2 });
    if (i === hi) marked = pointer(f.label, label + highlightBox(SX + 12, boxY, SW - 24, boxH) + value + arrow(boxY + boxH / 2));
    else body += `${label}<rect x="${SX + 12}" y="${boxY}" width="${SW - 24}" height="${boxH}" rx="8" fill="#ffffff" stroke="#adb5bd" stroke-width="2"/>${value}`;
    y += 32 + boxH;
  });
  if (button) {
    const by = SY + SH - 74;
    const shape = `<rect x="${SX + 12}" y="${by}" width="${SW - 24}" height="56" rx="28" fill="${hi === 'button' ? HI_FILL : '#1c5fb0'}" stroke="${hi === 'button' ? HI_STROKE : 'none'}" stroke-width="5"/>`
      + text(SX + SW / 2, by + 36, button, { size: button.length > 18 ? 16 : 22, weight: 'bold', anchor: 'middle', color: hi === 'button' ? INK : '#ffffff' });
    if (hi === 'button') marked = pointer(button, shape + arrow(by + 28));
    else body += shape;
  }
  return phone(app, title, body) + marked;
}

/** Two or three big choices (for example "Bản thân" / "Khai hộ"). */
function choice({ app, title, options, hi, note }) {
  let y = SY + 122;
  let body = '';
  let marked = '';
  const h = options.length > 2 ? 78 : 96;
  options.forEach((o, i) => {
    const n = lineCount(o, 18);
    const label = text(SX + SW / 2, y + h / 2 + 8 - (n - 1) * 13, o, { size: 23, weight: 'bold', anchor: 'middle', max: 18, gap: 1.15 });
    if (i === hi) marked = pointer(o, highlightBox(SX + 14, y, SW - 28, h) + label + arrow(y + h / 2));
    else body += `<rect x="${SX + 14}" y="${y}" width="${SW - 28}" height="${h}" rx="10" fill="#eef1f4" stroke="#adb5bd" stroke-width="2"/>${label}`;
    y += h + 16;
  });
  if (note) body += text(SX + 16, y + 24, note, { size: 18, color: MUTED, max: 26 });
  return phone(app, title, body) + marked;
}

/** The camera view of a paper, with the four corners marked: what a good photo looks like. */
function photo({ app = 'vneid', title = 'Đính kèm ảnh', paper, check = 'Rõ chữ, đủ 4 góc' }) {
  const px = SX + 40;
  const py = SY + 122;
  const pw = SW - 80;
  const ph = 190;
  const corner = (x, y, dx, dy) => `<path d="M${x} ${y + dy * 26} L${x} ${y} L${x + dx * 26} ${y}" fill="none" stroke="${OK}" stroke-width="7" stroke-linecap="round"/>`;
  let body = `<rect x="${SX + 10}" y="${SY + 106}" width="${SW - 20}" height="222" rx="8" fill="#343a40"/>`;
  body += `<rect x="${px}" y="${py}" width="${pw}" height="${ph}" fill="#fffdf5"/>`;
  body += text(px + pw / 2, py + 40, paper, { size: 19, weight: 'bold', anchor: 'middle', max: 16 });
  for (let i = 0; i < 5; i++) body += `<rect x="${px + 18}" y="${py + 84 + i * 20}" width="${pw - 36 - (i % 2) * 30}" height="7" rx="3" fill="#ced4da"/>`;
  body += corner(px - 6, py - 6, 1, 1) + corner(px + pw + 6, py - 6, -1, 1) + corner(px - 6, py + ph + 6, 1, -1) + corner(px + pw + 6, py + ph + 6, -1, -1);
  body += `<circle cx="${SX + 40}" cy="${SY + 372}" r="22" fill="${OK}"/><path d="M${SX + 29} ${SY + 372} l8 9 l15 -18" fill="none" stroke="#fff" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"/>`;
  body += text(SX + 72, SY + 366, check, { size: 20, weight: 'bold', color: OK, max: 17 });
  return phone(app, title, body);
}

/** An oval frame for the face photo. */
function face({ app = 'vneid', title = 'Chụp ảnh khuôn mặt', tip = 'Đủ sáng, nhìn thẳng' }) {
  const cx = SX + SW / 2;
  let body = `<ellipse cx="${cx}" cy="${SY + 232}" rx="88" ry="112" fill="#e9ecef" stroke="${HI_STROKE}" stroke-width="7" stroke-dasharray="16 10"/>`;
  body += `<circle cx="${cx}" cy="${SY + 212}" r="46" fill="#f1c27d"/><path d="M${cx - 78} ${SY + 330} q78 -80 156 0" fill="#74a9cf"/>`;
  body += `<circle cx="${cx - 16}" cy="${SY + 204}" r="5" fill="${INK}"/><circle cx="${cx + 16}" cy="${SY + 204}" r="5" fill="${INK}"/><path d="M${cx - 14} ${SY + 230} q14 12 28 0" fill="none" stroke="${INK}" stroke-width="4"/>`;
  body += text(cx, SY + 384, tip, { size: 22, weight: 'bold', anchor: 'middle', max: 22 });
  return phone(app, title, body);
}

/** A text message arriving, with its key words in a highlighted bubble. */
function sms({ from, message, app = 'sms', title = '', point = 'tin nhắn' }) {
  const n = lineCount(message, 19);
  const h = 40 + n * 27;
  const body = text(SX + 18, SY + 104, from, { size: 20, weight: 'bold', color: MUTED, max: 24 });
  return phone(app, title, body) + pointer(point, highlightBox(SX + 12, SY + 120, SW - 24, h) + text(SX + 28, SY + 156, message, { size: 21, max: 19, gap: 1.28 }) + arrow(SY + 120 + h / 2));
}

/** Six boxes for a one-time code, with the SMS it came in. */
function otp({ app = 'vneid', title = 'Nhập mã OTP', hint = 'Mã gửi qua tin nhắn', message = 'Tin nhắn: mã OTP 6 số', point = 'mã OTP', warn = 'Không đưa mã cho ai' }) {
  let body = '';
  if (message) {
    body += `<rect x="${SX + 12}" y="${SY + 112}" width="${SW - 24}" height="70" rx="12" fill="#e7f5ff" stroke="#74c0fc" stroke-width="2"/>`;
    body += text(SX + 26, SY + 154, message, { size: 19, max: 26 });
  }
  let boxes = highlightBox(SX + 10, SY + 212, SW - 20, 72);
  for (let i = 0; i < 6; i++) {
    const x = SX + 22 + i * 40;
    boxes += `<rect x="${x}" y="${SY + 224}" width="32" height="48" rx="6" fill="#ffffff" stroke="${INK}" stroke-width="2"/>`;
    if (i < 3) boxes += text(x + 16, SY + 258, '•', { size: 30, anchor: 'middle' });
  }
  body += text(SX + SW / 2, SY + 326, hint, { size: 20, color: MUTED, anchor: 'middle', max: 24 });
  if (warn) body += text(SX + SW / 2, SY + 338 + 26 * lineCount(hint, 24), warn, { size: 21, weight: 'bold', color: BAD, anchor: 'middle', max: 24 });
  return phone(app, title, body) + pointer(point, boxes + arrow(SY + 248));
}

/** A big round tick and a message: the step worked. */
function success({ app = 'vneid', title = '', message, sub }) {
  const cx = SX + SW / 2;
  let body = `<circle cx="${cx}" cy="${SY + 190}" r="62" fill="${OK}"/><path d="M${cx - 30} ${SY + 190} l20 22 l40 -46" fill="none" stroke="#fff" stroke-width="12" stroke-linecap="round" stroke-linejoin="round"/>`;
  body += text(cx, SY + 296, message, { size: 24, weight: 'bold', anchor: 'middle', max: 18 });
  if (sub) body += text(cx, SY + 296 + 30 * lineCount(message, 18) + 10, sub, { size: 19, color: MUTED, anchor: 'middle', max: 24 });
  return phone(app, title, body);
}

/** A paper (certificate, receipt, draft) shown on screen, with a button under it. */
function document({ app = 'vneid', title = '', paper, lines = [], button, badge }) {
  const px = SX + 20;
  const py = SY + 110;
  const pw = SW - 40;
  let body = `<rect x="${px}" y="${py}" width="${pw}" height="218" rx="4" fill="#fffdf5" stroke="#adb5bd" stroke-width="2"/>`;
  body += text(px + pw / 2, py + 36, paper, { size: 19, weight: 'bold', anchor: 'middle', max: 18 });
  const titleLines = lineCount(paper, 18);
  lines.slice(0, 4).forEach((l, i) => {
    body += text(px + 14, py + 44 + titleLines * 24 + i * 30, l, { size: 18, max: 22 });
  });
  if (badge) body += `<rect x="${px + pw - 108}" y="${py + 170}" width="100" height="36" rx="6" fill="none" stroke="${BAD}" stroke-width="3" transform="rotate(-8 ${px + pw - 58} ${py + 188})"/>${text(px + pw - 58, py + 195, badge, { size: 17, weight: 'bold', anchor: 'middle', color: BAD, max: 12 })}`;
  let marked = '';
  if (button) {
    const by = SY + SH - 74;
    marked = pointer(button, highlightBox(SX + 12, by, SW - 24, 56) + text(SX + SW / 2, by + 36, button, { size: button.length > 18 ? 16 : 22, weight: 'bold', anchor: 'middle' }) + arrow(by + 28));
  }
  return phone(app, title, body) + marked;
}

/** Rows of label: value, with one row highlighted (the status of an application). */
function details({ app = 'dvc', title, rows, hi }) {
  let y = SY + 114;
  let body = '';
  let marked = '';
  rows.forEach((r, i) => {
    const h = 66;
    const label = text(SX + 20, y + 26, r.label, { size: 17, color: MUTED, max: 28 }) + text(SX + 20, y + 54, r.value, { size: 21, weight: 'bold', max: 22 });
    if (i === hi) marked = pointer(r.label, highlightBox(SX + 8, y, SW - 16, h) + label + arrow(y + h / 2));
    else body += `<rect x="${SX + 8}" y="${y}" width="${SW - 16}" height="${h}" rx="8" fill="#eef1f4"/>${label}`;
    y += h + 8;
  });
  return phone(app, title, body) + marked;
}

/** A counter at the commune: for the parts that must be done in person. Not a phone. */
function office({ place, caption, bring = [] }) {
  let body = `<rect x="40" y="70" width="340" height="250" rx="8" fill="#fff4e6" stroke="#d9480f" stroke-width="4"/>`;
  body += `<path d="M28 78 L210 16 L392 78 Z" fill="#d9480f"/>`;
  body += `<rect x="80" y="96" width="260" height="56" rx="6" fill="#ffffff" stroke="#d9480f" stroke-width="3"/>`;
  body += text(210, 133, place, { size: 23, weight: 'bold', anchor: 'middle', max: 22 });
  body += `<rect x="70" y="236" width="280" height="84" fill="#ced4da"/>`;
  // Two people at the counter: simple shapes.
  const person = (x, color) => `<circle cx="${x}" cy="196" r="22" fill="#f1c27d"/><path d="M${x - 34} 262 q34 -60 68 0 Z" fill="${color}"/>`;
  body += person(140, '#1c7ed6') + person(280, '#2f9e44');
  let y = 368;
  body += text(210, y, caption, { size: 23, weight: 'bold', anchor: 'middle', max: 30 });
  y += 30 * lineCount(caption, 30) + 8;
  bring.forEach((b) => {
    body += `<circle cx="46" cy="${y - 7}" r="7" fill="${OK}"/>${text(62, y, b, { size: 20, max: 32 })}`;
    y += 30;
  });
  return body;
}

/** A checklist of papers to get ready. */
function papers({ title, items }) {
  let body = text(210, 52, title, { size: 26, weight: 'bold', anchor: 'middle', max: 28 });
  let y = 86;
  items.slice(0, 5).forEach((item) => {
    const n = lineCount(item, 20);
    const h = Math.max(70, 26 + n * 26);
    body += `<rect x="24" y="${y}" width="372" height="${h}" rx="10" fill="#ffffff" stroke="#adb5bd" stroke-width="2"/>`;
    body += `<rect x="40" y="${y + h / 2 - 22}" width="34" height="44" rx="3" fill="#fffdf5" stroke="${INK}" stroke-width="2"/><path d="M46 ${y + h / 2 - 8} h22 M46 ${y + h / 2} h22 M46 ${y + h / 2 + 8} h14" stroke="${MUTED}" stroke-width="2"/>`;
    body += text(90, y + h / 2 + 7 - (n - 1) * 13, item, { size: 21, max: 20, gap: 1.24 });
    body += `<path d="M352 ${y + h / 2} l9 10 l18 -22" fill="none" stroke="${OK}" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"/>`;
    y += h + 10;
  });
  return body;
}

/** A warning: a suspicious call or message marked with a red X, with the rule to remember. */
function warning({ app = 'call', title = '', caller, message, rule }) {
  let body = '';
  if (caller) body += text(SX + SW / 2, SY + 120, caller, { size: 24, weight: 'bold', anchor: 'middle', max: 20 });
  const n = lineCount(message, 18);
  body += `<rect x="${SX + 12}" y="${SY + 146}" width="${SW - 24}" height="${40 + n * 27}" rx="12" fill="#fff5f5" stroke="${BAD}" stroke-width="3"/>`;
  body += text(SX + 26, SY + 180, message, { size: 21, max: 18, gap: 1.28 });
  // A red "X" badge on the message's corner: the message stays readable, so people learn its look.
  const bx = SX + SW - 30;
  const by = SY + 146;
  body += `<circle cx="${bx}" cy="${by}" r="24" fill="${BAD}" stroke="#ffffff" stroke-width="4"/><path d="M${bx - 10} ${by - 10} L${bx + 10} ${by + 10} M${bx + 10} ${by - 10} L${bx - 10} ${by + 10}" stroke="#ffffff" stroke-width="6" stroke-linecap="round"/>`;
  const ry = SY + 146 + 40 + n * 27 + 16;
  body += `<rect x="${SX + 12}" y="${ry}" width="${SW - 24}" height="${SY + SH - ry - 12}" rx="10" fill="${BAD}"/>`;
  body += text(SX + SW / 2, ry + 36, rule, { size: 20, weight: 'bold', anchor: 'middle', color: '#ffffff', max: 19 });
  return phone(app, title, body);
}

/** The app store page with the Install button. */
function store({ appName, publisher, icon = appName.slice(0, 5), iconColor = '#a61e1e' }) {
  let body = `<rect x="${SX + 20}" y="${SY + 110}" width="84" height="84" rx="18" fill="${iconColor}"/>`;
  body += text(SX + 62, SY + 162, icon, { size: 24, weight: 'bold', anchor: 'middle', color: '#ffffff' });
  body += text(SX + 120, SY + 142, appName, { size: 24, weight: 'bold', max: 12 });
  body += text(SX + 120, SY + 174, publisher, { size: 17, color: MUTED, max: 16 });
  body += `<circle cx="${SX + 40}" cy="${SY + 250}" r="16" fill="${OK}"/><path d="M${SX + 32} ${SY + 250} l6 7 l11 -13" fill="none" stroke="#fff" stroke-width="4" stroke-linecap="round"/>`;
  body += text(SX + 66, SY + 257, 'Đúng nhà phát hành', { size: 19, max: 22 });
  const by = SY + 296;
  return phone('store', '', body) + pointer('Cài đặt', highlightBox(SX + 12, by, SW - 24, 60) + text(SX + SW / 2, by + 40, 'Cài đặt', { size: 24, weight: 'bold', anchor: 'middle' }) + arrow(by + 30));
}

/** Holding the chip ID card to the back of the phone: the NFC scan screen. */
function nfc({ app = 'vneid', title = 'Quét NFC', caption = 'Áp thẻ vào lưng máy', point = 'thẻ căn cước' }) {
  const cx = SX + SW / 2;
  let body = '';
  for (let i = 0; i < 3; i++) body += `<path d="M${cx - 40 - i * 22} ${SY + 150 - i * 14} q40 -${26 + i * 10} 80 0" fill="none" stroke="#74c0fc" stroke-width="6" stroke-linecap="round" transform="translate(${i * 22} 0)"/>`;
  const card = `<rect x="${SX + 42}" y="${SY + 170}" width="${SW - 84}" height="130" rx="12" fill="#fff3bf" stroke="${HI_STROKE}" stroke-width="5"/>`
    + `<rect x="${SX + 62}" y="${SY + 200}" width="38" height="46" rx="6" fill="#f2c94c" stroke="${INK}" stroke-width="2"/>`
    + text(SX + 116, SY + 226, 'CĂN CƯỚC', { size: 19, weight: 'bold', max: 12 });
  body += text(cx, SY + 350, caption, { size: 21, weight: 'bold', anchor: 'middle', max: 22 });
  return phone(app, title, body) + pointer(point, card + arrow(SY + 235));
}

/** A camera frame over a QR code: paying by QR, checking a product's origin. */
function qr({ app = 'bank', title = 'Quét mã QR', caption, point = 'mã QR' }) {
  const x0 = SX + 58;
  const y0 = SY + 116;
  const cell = 10;
  // A fixed drawing that looks like a QR code; it encodes nothing.
  const rows = ['1111111010111111', '1000001011100001', '1011101000101101', '1011101110101101', '1000001010100001', '1111111010111111', '0000000011000000', '1101011100110110',
    '0110100011011010', '1011011101001101', '0000000010110010', '1111111001011011', '1000001011010110', '1011101010101001', '1000001001110110', '1111111010011011'];
  let code = `<rect x="${x0 - 10}" y="${y0 - 10}" width="${16 * cell + 20}" height="${16 * cell + 20}" fill="#ffffff"/>`;
  rows.forEach((r, y) => [...r].forEach((c, x) => {
    if (c === '1') code += `<rect x="${x0 + x * cell}" y="${y0 + y * cell}" width="${cell}" height="${cell}" fill="${INK}"/>`;
  }));
  const corner = (x, y, dx, dy) => `<path d="M${x} ${y + dy * 30} L${x} ${y} L${x + dx * 30} ${y}" fill="none" stroke="${HI_STROKE}" stroke-width="7" stroke-linecap="round"/>`;
  const frame = corner(x0 - 22, y0 - 22, 1, 1) + corner(x0 + 16 * cell + 22, y0 - 22, -1, 1) + corner(x0 - 22, y0 + 16 * cell + 22, 1, -1) + corner(x0 + 16 * cell + 22, y0 + 16 * cell + 22, -1, -1);
  const body = `<rect x="${SX + 10}" y="${SY + 96}" width="${SW - 20}" height="214" rx="8" fill="#343a40"/>${text(SX + SW / 2, SY + 350, caption, { size: 21, weight: 'bold', anchor: 'middle', max: 22 })}`;
  return phone(app, title, body) + pointer(point, code + frame);
}

/**
 * The card picture of a guide: a plain pictogram on a coloured tile, no words (the card has the
 * title beside it). Glyphs are drawn in a 100×100 box; COLOR is the tile's colour.
 */
const GLYPHS = {
  baby: '<circle cx="50" cy="34" r="16"/><path d="M22 86 q0-34 28-34 q28 0 28 34 z"/><circle cx="44" cy="32" r="2.5" fill="COLOR"/><circle cx="56" cy="32" r="2.5" fill="COLOR"/>',
  flower: '<circle cx="50" cy="22" r="10"/><circle cx="66" cy="36" r="10"/><circle cx="34" cy="36" r="10"/><circle cx="60" cy="54" r="10"/><circle cx="40" cy="54" r="10"/><circle cx="50" cy="40" r="8" fill="COLOR"/><rect x="47" y="62" width="6" height="28"/>',
  rings: '<circle cx="38" cy="56" r="20" fill="none" stroke="#fff" stroke-width="8"/><circle cx="62" cy="56" r="20" fill="none" stroke="#fff" stroke-width="8"/><path d="M56 22 l6 -8 l6 8 l-6 8 z"/>',
  doc: '<path d="M26 12 h36 l14 14 v62 h-50 z"/><path d="M36 40 h28 M36 52 h28 M36 64 h20" stroke="COLOR" stroke-width="6" stroke-linecap="round"/>',
  copy: '<path d="M18 24 h34 l12 12 v54 h-46 z" opacity="0.6"/><path d="M34 10 h34 l12 12 v54 h-46 z"/><path d="M44 36 h26 M44 48 h26 M44 60 h18" stroke="COLOR" stroke-width="6" stroke-linecap="round"/>',
  house: '<path d="M12 50 L50 16 L88 50 h-12 v36 h-52 v-36 z"/><rect x="42" y="60" width="16" height="26" fill="COLOR"/>',
  housecheck: '<path d="M12 50 L50 16 L88 50 h-12 v36 h-52 v-36 z"/><path d="M36 64 l10 10 l18 -20" stroke="COLOR" stroke-width="8" fill="none" stroke-linecap="round"/>',
  bag: '<rect x="16" y="34" width="68" height="48" rx="8"/><path d="M36 34 v-10 h28 v10" fill="none" stroke="#fff" stroke-width="8"/><rect x="16" y="52" width="68" height="6" fill="COLOR"/>',
  phone: '<rect x="28" y="8" width="44" height="84" rx="9"/><rect x="34" y="18" width="32" height="58" fill="COLOR"/><circle cx="50" cy="84" r="4" fill="COLOR"/>',
  newphone: '<rect x="14" y="18" width="34" height="66" rx="7" opacity="0.6"/><rect x="52" y="10" width="36" height="74" rx="8"/><rect x="57" y="19" width="26" height="50" fill="COLOR"/><path d="M30 92 q20 10 40 0" stroke="#fff" stroke-width="5" fill="none"/>',
  idcard: '<rect x="8" y="22" width="84" height="56" rx="8"/><circle cx="30" cy="46" r="9" fill="COLOR"/><path d="M17 68 q13-16 26 0 z" fill="COLOR"/><path d="M52 40 h30 M52 52 h30 M52 64 h20" stroke="COLOR" stroke-width="6" stroke-linecap="round"/>',
  chip: '<rect x="8" y="22" width="84" height="56" rx="8"/><rect x="22" y="36" width="24" height="28" rx="4" fill="COLOR"/><path d="M56 40 h26 M56 52 h26 M56 64 h18" stroke="COLOR" stroke-width="6" stroke-linecap="round"/>',
  wallet: '<rect x="10" y="26" width="80" height="56" rx="8"/><rect x="58" y="44" width="32" height="20" rx="4" fill="COLOR"/><circle cx="68" cy="54" r="4"/><path d="M18 26 l44 -14 l6 14" fill="none" stroke="#fff" stroke-width="6"/>',
  shield: '<path d="M50 8 L84 20 v26 c0 22 -14 38 -34 46 c-20 -8 -34 -24 -34 -46 v-26 z"/><path d="M50 30 v26" stroke="COLOR" stroke-width="9" stroke-linecap="round"/><circle cx="50" cy="70" r="5" fill="COLOR"/>',
  qr: '<rect x="12" y="12" width="30" height="30"/><rect x="58" y="12" width="30" height="30"/><rect x="12" y="58" width="30" height="30"/><rect x="20" y="20" width="14" height="14" fill="COLOR"/><rect x="66" y="20" width="14" height="14" fill="COLOR"/><rect x="20" y="66" width="14" height="14" fill="COLOR"/><rect x="58" y="58" width="12" height="12"/><rect x="76" y="76" width="12" height="12"/><rect x="76" y="58" width="12" height="8"/><rect x="58" y="78" width="10" height="10"/>',
  coins: '<ellipse cx="50" cy="72" rx="32" ry="10"/><rect x="18" y="52" width="64" height="20"/><ellipse cx="50" cy="52" rx="32" ry="10"/><ellipse cx="50" cy="52" rx="22" ry="5" fill="COLOR"/><path d="M50 10 v30 M38 28 l12 12 l12 -12" stroke="#fff" stroke-width="7" fill="none" stroke-linecap="round"/>',
  search: '<circle cx="42" cy="42" r="24" fill="none" stroke="#fff" stroke-width="10"/><path d="M60 60 L84 84" stroke="#fff" stroke-width="12" stroke-linecap="round"/>',
  pen: '<path d="M70 10 L88 28 L40 76 L18 82 L24 60 z"/><path d="M14 92 h70" stroke="#fff" stroke-width="6" stroke-linecap="round"/>',
  bank: '<path d="M10 38 L50 12 L90 38 z"/><rect x="18" y="44" width="10" height="32"/><rect x="36" y="44" width="10" height="32"/><rect x="54" y="44" width="10" height="32"/><rect x="72" y="44" width="10" height="32"/><rect x="10" y="80" width="80" height="10"/>',
  book: '<path d="M10 22 q20-8 40 0 v64 q-20-8-40 0 z"/><path d="M90 22 q-20-8-40 0 v64 q20-8 40 0 z" opacity="0.75"/>',
  land: '<path d="M8 70 L30 40 L50 60 L70 34 L92 70 z"/><rect x="8" y="74" width="84" height="14"/><path d="M30 14 v26 M30 14 h16 v10 h-16" stroke="#fff" stroke-width="5" fill="none"/>',
  crane: '<path d="M20 90 V18 H82" stroke="#fff" stroke-width="8" fill="none"/><path d="M66 18 V40" stroke="#fff" stroke-width="4"/><rect x="58" y="40" width="16" height="12"/><path d="M40 90 V64 L58 52 L76 64 V90 z"/>',
  health: '<rect x="8" y="22" width="84" height="56" rx="8"/><path d="M50 34 v32 M34 50 h32" stroke="COLOR" stroke-width="10" stroke-linecap="round"/>',
  school: '<path d="M6 40 L50 18 L94 40 L50 62 z"/><path d="M24 50 v22 q26 14 52 0 v-22 L50 62 z" opacity="0.85"/><path d="M88 43 v26" stroke="#fff" stroke-width="5"/>',
  shop: '<path d="M10 32 h80 l-6 16 h-68 z"/><rect x="16" y="50" width="68" height="38"/><rect x="40" y="62" width="20" height="26" fill="COLOR"/><path d="M14 32 L22 12 h56 l8 20" fill="none" stroke="#fff" stroke-width="6"/>',
  bill: '<path d="M22 8 h56 v84 l-9 -7 l-9 7 l-9 -7 l-9 7 l-9 -7 l-9 7 l-2 -1 z"/><path d="M34 30 h32 M34 44 h32 M34 58 h20" stroke="COLOR" stroke-width="6" stroke-linecap="round"/>',
  store: '<path d="M8 30 h84 v8 q-10 10 -21 0 q-10 10 -21 0 q-10 10 -21 0 q-10 10 -21 0 z"/><rect x="14" y="46" width="72" height="42"/><path d="M8 30 L18 12 h64 l10 18" fill="none" stroke="#fff" stroke-width="5"/><rect x="24" y="56" width="20" height="18" fill="COLOR"/><rect x="54" y="56" width="22" height="32" fill="COLOR"/>',
};

function icon({ glyph, color }) {
  const g = GLYPHS[glyph];
  if (!g) throw new Error(`unknown glyph ${glyph}`);
  return `<rect x="10" y="10" width="140" height="140" rx="30" fill="${color}"/><g transform="translate(30 30)" fill="#ffffff">${g.replace(/COLOR/g, color)}</g>`;
}

const TEMPLATES = { menu, form, choice, photo, face, sms, otp, success, document, details, office, papers, warning, store, qr, nfc };

/** Render one picture from its spec: `{ template, alt, ...params }`; a card picture is `{ template: 'icon', glyph, color }`. */
export function render(spec) {
  if (spec.template === 'icon') {
    return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 160" width="160" height="160" role="img"><title>${esc(spec.alt)}</title>${icon(spec)}</svg>\n`;
  }
  const template = TEMPLATES[spec.template];
  if (!template) throw new Error(`unknown template ${spec.template}`);
  return svg(spec.alt, template(spec));
}

