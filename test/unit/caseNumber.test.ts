// Case numbers as docs/import-columns.md describes them: every variant people type folds to one canonical form.
import { describe, expect, it } from 'vitest';
import { normalizeCaseNumber, parseCaseNumber } from '../../shared/cases/caseNumber';

describe('canonical form', () => {
  it.each([
    ['（2024）辽0421民初1234号', '（2024）辽0421民初1234号'],
    ['(2024)辽0421民初1234号', '（2024）辽0421民初1234号'],
    ['〔2024〕辽0421民初1234号', '（2024）辽0421民初1234号'],
    ['（２０２４）辽０４２１民初１２３４号', '（2024）辽0421民初1234号'],
    ['(2024)辽0421民初1234号 ', '（2024）辽0421民初1234号'],
    [' （2024） 辽0421 民初 1234 号', '（2024）辽0421民初1234号'],
    ['（2024)辽0421民初1234号\u3000', '（2024）辽0421民初1234号'],
    ['（2024）辽04民终56号', '（2024）辽04民终56号'],
    ['（2024）辽0421执保7号', '（2024）辽0421执保7号'],
    ['（2024）辽0421诉前调99号', '（2024）辽0421诉前调99号'],
    ['（2024）京0105民初999999号', '（2024）京0105民初999999号'],
  ])('%s → %s', (input, canonical) => {
    expect(normalizeCaseNumber(input)).toBe(canonical);
  });

  it('treats the same case typed two ways as one', () => {
    expect(normalizeCaseNumber('(2024)辽0421民初1234号')).toBe(normalizeCaseNumber('〔２０２４〕辽0421民初1234号'));
  });
});

describe('parts', () => {
  it.each([
    ['（2024）辽0421民初1234号', 2024, '辽0421', '民初', 1234, true],
    ['（2023）辽0421执1号', 2023, '辽0421', '执', 1, true],
    ['（2023）辽0421执恢12号', 2023, '辽0421', '执恢', 12, true],
    ['（2023）辽0421执异3号', 2023, '辽0421', '执异', 3, true],
    ['（2023）辽0421财保3号', 2023, '辽0421', '财保', 3, true],
    ['（2023）辽0421民特5号', 2023, '辽0421', '民特', 5, true],
    ['（2023）辽0421民催5号', 2023, '辽0421', '民催', 5, true],
    ['（2023）辽0421民申5号', 2023, '辽0421', '民申', 5, true],
    ['（2023）辽0421民再5号', 2023, '辽0421', '民再', 5, true],
    ['（2023）辽0421刑初5号', 2023, '辽0421', '刑初', 5, true],
    ['（2023）辽04刑终5号', 2023, '辽04', '刑终', 5, true],
    ['（2023）辽0421行初5号', 2023, '辽0421', '行初', 5, true],
    ['（2023）辽04行终5号', 2023, '辽04', '行终', 5, true],
    ['（2023）辽0421民赔5号', 2023, '辽0421', '民赔', 5, false],
  ])('%s: %i %s %s %i known=%s', (input, year, court, type, seq, known) => {
    const r = parseCaseNumber(input);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toMatchObject({ year, courtCode: court, typeCode: type, seq, knownType: known });
  });
});

describe('refusals', () => {
  it.each([
    ['', '为空'],
    ['   ', '为空'],
    ['2024辽0421民初1234号', '格式不正确'],
    ['（24）辽0421民初1234号', '格式不正确'],
    ['（2024）辽0421民初号', '格式不正确'],
    ['（2024）辽0421民初1234', '格式不正确'],
    ['（2024）辽0421民初0123号', '不能以0开头'],
    ['（2024）辽0421民初1234567号', '格式不正确'],
    ['（2024）X0421民初1号', '格式不正确'],
    ['（1800）辽0421民初1号', '年份'],
  ])('“%s”: %s', (input, message) => {
    const r = parseCaseNumber(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(message);
  });
});
