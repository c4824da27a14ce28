// Migration 10: the extension workflow (延长审限): a request's reason code, route, stage and asked span; who decided;
// whether a decision came late; and the scanned letters attached to a request, checked and capped in the schema.
import type { Migration } from './types';

export const migration0010: Migration = {
  version: 10,
  name: 'extension workflow: reason code, route, stage, asked span, decider, attachments',
  up(db) {
    db.exec(`
      -- Columns added, not a rebuild: the rows the exchange import and the seed write (status approved/rejected, a
      -- free reason, no stage) stay valid as they are, and the engine keeps reading months/days of approved rows.
      -- For a request made in CourtDesk, months/days hold the span in force: what was asked until a decision, then
      -- what was approved (a shorter approval included); asked_months/asked_days keep what was asked.
      ALTER TABLE extension_requests ADD COLUMN reason_code TEXT
        CHECK (reason_code IS NULL OR reason_code IN ('鉴定未完成', '公告送达', '案情复杂', '当事人申请调解', '追加当事人', '等待关联案件结果', '其他'));
      ALTER TABLE extension_requests ADD COLUMN route TEXT
        CHECK (route IS NULL OR route IN ('president', 'higher_court', 'high_court'));
      -- opinion: waits for the division head; decision: for the president or his delegate; forwarding: for the
      -- president's office to send it up; higher_court: for the higher court's answer; decided: final.
      ALTER TABLE extension_requests ADD COLUMN stage TEXT
        CHECK (stage IS NULL OR stage IN ('opinion', 'decision', 'forwarding', 'higher_court', 'decided'));
      ALTER TABLE extension_requests ADD COLUMN asked_months INTEGER CHECK (asked_months IS NULL OR asked_months BETWEEN 0 AND 12);
      ALTER TABLE extension_requests ADD COLUMN asked_days INTEGER CHECK (asked_days IS NULL OR asked_days BETWEEN 0 AND 366);
      ALTER TABLE extension_requests ADD COLUMN decided_by INTEGER REFERENCES staff(id);
      CREATE INDEX extension_requests_stage ON extension_requests(stage) WHERE stage IN ('opinion', 'decision', 'forwarding', 'higher_court');

      -- A civil decision later than 5 days before the due date is marked, not refused.
      ALTER TABLE extension_decisions ADD COLUMN late INTEGER NOT NULL DEFAULT 0 CHECK (late = 0 OR late = 1);

      -- The letters behind a request (a 鉴定 institution's, a notice's proof): PDF or image, checked by content in the
      -- core; the size cap and the kinds are held here too, so no other path stores more.
      CREATE TABLE extension_attachments (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES extension_requests(id),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        mime TEXT NOT NULL CHECK (mime IN ('application/pdf', 'image/png', 'image/jpeg')),
        size INTEGER NOT NULL CHECK (size BETWEEN 1 AND 10485760),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        bytes BLOB NOT NULL,
        row_version INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        CHECK (length(bytes) = size)
      );
      CREATE INDEX extension_attachments_request ON extension_attachments(request_id);
    `);
  },
};
