// The references a 类案检索 may name: case numbers of any court and 人民法院案例库 entry numbers, nothing else.
import { describe, expect, it } from 'vitest';
import { checkPrecedentReference } from '../../shared/cases/precedentRefs';

describe('checkPrecedentReference', () => {
  it.each([
    ['（2024）辽01民终345号', '（2024）辽01民终345号'],
    ['(2022)京0105民初1号', '（2022）京0105民初1号'],
    ['(2023)最高法民终12号', '（2023）最高法民终12号'],
    ['（2020）京民终 123号', '（2020）京民终123号'],
    ['〔2019〕最高法民申45号之一', '（2019）最高法民申45号之一'],
    ['2023-16-2-103-001', '2023-16-2-103-001'],
    ['２０２３－１６－２－１０３－００１', '2023-16-2-103-001'],
  ])('accepts %s as %s', (input, stored) => {
    expect(checkPrecedentReference(input)).toEqual({ ok: true, value: stored });
  });

  it.each(['abc', '民间借贷', '2023-16-2-103', '（2023）最高法民终号', '2023最高法民终12号', '12345'])('refuses %s, naming it', (input) => {
    const r = checkPrecedentReference(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(`“${input}”`);
  });
});
