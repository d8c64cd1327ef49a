// The demo's mail catcher: a real SMTP server the notifications service sends to
// (SMTP_PORT, default 1025) and a small HTTP page of what arrived
// (MAIL_HTTP_PORT, default 8025: GET / in a browser, GET /messages?to= as JSON).
import { appendFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { runDir } from './env';

interface Mail {
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
}
const mails: Mail[] = [];
const file = join(runDir(), 'mail.jsonl');
const smtpPort = Number(process.env['SMTP_PORT'] ?? 1025);
const httpPort = Number(process.env['MAIL_HTTP_PORT'] ?? 8025);

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((parsed) => {
        const mail: Mail = {
          receivedAt: new Date().toISOString(),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: parsed.subject ?? '',
          text: parsed.text ?? '',
        };
        mails.push(mail);
        appendFileSync(file, JSON.stringify(mail) + '\n');
        callback();
      })
      .catch((error: Error) => callback(error));
  },
});
smtp.listen(smtpPort, '127.0.0.1');

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const to = url.searchParams.get('to');
  const selected = to ? mails.filter((m) => m.to.includes(to)) : mails;
  if (url.pathname === '/messages') {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(selected));
    return;
  }
  const rows = [...selected].reverse().map((m) => `<tr><td>${escape(m.receivedAt)}</td><td>${escape(m.to.join(', '))}</td><td>${escape(m.subject)}</td><td><pre>${escape(m.text)}</pre></td></tr>`);
  res
    .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    .end(`<!doctype html><meta charset="utf-8"><title>演示邮箱</title><h1>演示邮箱（收到 ${selected.length} 封）</h1><table border="1" cellpadding="4"><tr><th>时间</th><th>收件人</th><th>主题</th><th>正文</th></tr>${rows.join('')}</table>`);
}).listen(httpPort, '127.0.0.1', () => console.log(`[mail] SMTP 127.0.0.1:${smtpPort}, inbox http://127.0.0.1:${httpPort}`));
