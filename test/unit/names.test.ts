// Names as the court keeps them: one Unicode form, tidy whitespace, nothing invisible, within their limits.
import { describe, expect, it } from 'vitest';
import { cleanName, normalizeName, NAME_MAX } from '../../shared/text/names';

describe('cleanName', () => {
  it.each<[string, string]>([
    ['韩颖淑', '韩颖淑'],
    ['  韩颖淑 ', '韩颖淑'],
    ['阿依古丽·买买提', '阿依古丽·买买提'],
    ['John   Smith', 'John Smith'],
    ['张\u3000三', '张 三'],
    // NFD (e + combining acute) becomes the one composed character, as NFC says.
    ['Jose\u0301', 'José'],
    // A rare character outside the BMP, and a private-use one some systems map rare characters to.
    ['𠮷野家', '𠮷野家'],
    ['王\uE000', '王\uE000'],
  ])('keeps %j as %j', (raw, value) => {
    expect(cleanName(raw, '姓名', NAME_MAX.person)).toEqual({ ok: true, value });
  });

  it.each<[string, string]>([
    ['韩颖淑\u202e', 'U+202E'],
    ['韩\u200b颖淑', 'U+200B'],
    ['韩颖淑\u0000', 'U+0000'],
    ['\ufeff韩颖淑', 'U+FEFF'],
    ['韩颖\u2028淑', 'U+2028'],
    ['韩颖\u0007淑', 'U+0007'],
  ])('refuses %j naming %s', (raw, code) => {
    expect(cleanName(raw, '姓名', NAME_MAX.person)).toEqual({ ok: false, error: `姓名含有不可见字符或控制字符（${code}），请删除后重新输入` });
  });

  it('refuses empty and too long names, counting characters not UTF-16 units', () => {
    expect(cleanName('  ', '承办部门', 50)).toEqual({ ok: false, error: '承办部门不能为空' });
    expect(cleanName('甲'.repeat(21), '姓名', 20)).toEqual({ ok: false, error: '姓名长度为21个字，超过20个字的上限' });
    expect(cleanName('𠮷'.repeat(20), '姓名', 20)).toEqual({ ok: true, value: '𠮷'.repeat(20) });
  });

  it('treats a tab or a line break inside a name as a space', () => {
    expect(cleanName('某某\t公司', '被告', 100)).toEqual({ ok: true, value: '某某 公司' });
    expect(normalizeName('a\r\nb')).toBe('a b');
  });
});
