// Migration 8: case work in the window: the catalogue a cause comes from, procedure conversion, judgment review
// (阅核) and precedent search (类案检索) at closing, reopenings, 先行调解 records, and each person's saved filters.
import type { Migration } from './types';

/*
 * case_events is rebuilt only to let its kind CHECK name one more kind: 先行调解延长, the days of 先行调解 that both
 * parties consented to beyond the first 15 (or 7), which are not counted in the time limit. Row ids stay.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'case work: cause catalogue, conversion, review and precedent search at closing, reopenings, mediation, saved filters',
  rebuildsTables: true,
  up(db) {
    db.exec(`
      ALTER TABLE cases ADD COLUMN cause_catalog TEXT CHECK (cause_catalog IS NULL OR length(cause_catalog) BETWEEN 1 AND 20);
      ALTER TABLE cases ADD COLUMN converted_on TEXT CHECK (converted_on IS NULL OR length(converted_on) = 10);

      CREATE TABLE case_events_new (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        kind TEXT NOT NULL CHECK (kind = '公告' OR kind = '鉴定' OR kind = '审计' OR kind = '评估' OR kind = '和解' OR kind = '调解' OR kind = '管辖异议' OR kind = '中止' OR kind = '暂缓执行' OR kind = '拍卖' OR kind = '先行调解延长'),
        from_on TEXT NOT NULL CHECK (length(from_on) = 10),
        to_on TEXT CHECK (to_on IS NULL OR (to_on >= from_on AND length(to_on) = 10)),
        note TEXT CHECK (length(note) <= 200),
        row_version INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      INSERT INTO case_events_new (id, case_id, kind, from_on, to_on, note, row_version, created_at, updated_at)
        SELECT id, case_id, kind, from_on, to_on, note, row_version, created_at, updated_at FROM case_events;
      DROP TABLE case_events;
      ALTER TABLE case_events_new RENAME TO case_events;
      CREATE INDEX case_events_case ON case_events(case_id);
      CREATE INDEX case_events_row_version ON case_events(row_version);

      -- 阅核: who reviewed the judgment before it went out, in which role, when, and what he decided.
      CREATE TABLE case_reviews (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        reviewer TEXT NOT NULL CHECK (length(reviewer) BETWEEN 1 AND 20),
        reviewer_role TEXT NOT NULL CHECK (reviewer_role = '庭长' OR reviewer_role = '分管院领导' OR reviewer_role = '院长' OR reviewer_role = '审判委员会' OR reviewer_role = '专业法官会议' OR reviewer_role = '其他'),
        reviewed_on TEXT NOT NULL CHECK (length(reviewed_on) = 10),
        action TEXT NOT NULL CHECK (action = '同意' OR action = '建议复议' OR action = '提交专业法官会议' OR action = '提交审委会'),
        four_categories INTEGER NOT NULL DEFAULT 0 CHECK (four_categories = 0 OR four_categories = 1),
        recorded_by TEXT NOT NULL CHECK (length(recorded_by) BETWEEN 1 AND 20),
        row_version INTEGER NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX case_reviews_case ON case_reviews(case_id);
      CREATE INDEX case_reviews_row_version ON case_reviews(row_version);

      -- 类案检索: what was searched on 法答网 or 人民法院案例库, and the reference cases found, or none.
      CREATE TABLE precedent_searches (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        platforms TEXT NOT NULL CHECK (length(platforms) BETWEEN 1 AND 40),
        query TEXT NOT NULL CHECK (length(query) BETWEEN 1 AND 200),
        references_found TEXT NOT NULL DEFAULT '' CHECK (length(references_found) <= 2000),
        none_found INTEGER NOT NULL CHECK (none_found = 0 OR none_found = 1),
        searched_on TEXT NOT NULL CHECK (length(searched_on) = 10),
        recorded_by TEXT NOT NULL CHECK (length(recorded_by) BETWEEN 1 AND 20),
        row_version INTEGER NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX precedent_searches_case ON precedent_searches(case_id);
      CREATE INDEX precedent_searches_row_version ON precedent_searches(row_version);

      -- A case closed by mistake and reopened by its division head: the closing it undid, and why.
      CREATE TABLE case_reopenings (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        closed_on TEXT NOT NULL,
        closing_method TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
        reopened_by TEXT NOT NULL CHECK (length(reopened_by) BETWEEN 1 AND 20),
        reopened_on TEXT NOT NULL CHECK (length(reopened_on) = 10),
        row_version INTEGER NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX case_reopenings_case ON case_reopenings(case_id);

      -- 先行调解 of a 民初 case (since 2025-01-01): where it went, the mediator, its days and their consented
      -- extension, and how it ended; one per case.
      CREATE TABLE mediations (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL UNIQUE REFERENCES cases(id),
        destination TEXT NOT NULL CHECK (destination = '特邀调解员' OR destination = '律师调解' OR destination = '法官调解团队' OR destination = '外部调解中心'),
        mediator TEXT NOT NULL CHECK (length(mediator) BETWEEN 1 AND 50),
        received_on TEXT NOT NULL CHECK (length(received_on) = 10),
        base_days INTEGER NOT NULL CHECK (base_days = 7 OR base_days = 15),
        extension_days INTEGER NOT NULL DEFAULT 0 CHECK (extension_days BETWEEN 0 AND 30),
        consent_on TEXT CHECK (consent_on IS NULL OR length(consent_on) = 10),
        ended_on TEXT CHECK (ended_on IS NULL OR length(ended_on) = 10),
        outcome TEXT CHECK (outcome IS NULL OR outcome = '调解成功' OR outcome = '撤诉' OR outcome = '当场履行' OR outcome = '调解不成转审理'),
        row_version INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((ended_on IS NULL) = (outcome IS NULL))
      );
      CREATE INDEX mediations_open ON mediations(received_on) WHERE ended_on IS NULL;

      -- A person's lists are scoped to a division or to his own cases, and saved filters ask those scopes for open
      -- cases by due date ("本庭15日内到期", "我的超期案件") and for their counts. Without these, the planner walks
      -- the whole division's history (about 200 ms for a division of 200,000 cases); only open cases are indexed,
      -- so they stay small. The next free number of a type and year is one lookup instead of a scan.
      CREATE INDEX cases_open_division_due ON cases(division_id, due_order, id) WHERE closed_on IS NULL;
      CREATE INDEX cases_open_judge_due ON cases(judge_id, due_order, id) WHERE closed_on IS NULL;
      CREATE INDEX cases_open_division_filed ON cases(division_id, filed_on) WHERE closed_on IS NULL;
      CREATE INDEX cases_open_judge_filed ON cases(judge_id, filed_on) WHERE closed_on IS NULL;
      CREATE INDEX cases_number_seq ON cases(court_code, year, type_code, seq);
      CREATE INDEX mediations_row_version ON mediations(row_version);

      -- Each person's own named case-list filters ("我的超期案件", "本庭15日内到期").
      CREATE TABLE saved_filters (
        id INTEGER PRIMARY KEY,
        staff_id INTEGER NOT NULL REFERENCES staff(id),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 30),
        filters_json TEXT NOT NULL CHECK (length(filters_json) <= 2000),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (staff_id, name)
      );
    `);
  },
};
