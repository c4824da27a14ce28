// Strict JSON (RFC 8259) for signed package files: refuses duplicate keys at any depth, which JSON.parse silently merges.
// Why our own parser: a manifest with two "sequence" keys would mean one thing to CourtDesk (JSON.parse keeps the last)
// and another to a tool that keeps the first; a signed file must have one reading only.

export type StrictJsonResult =
  | { ok: true; value: unknown }
  | { ok: false; code: 'json' | 'duplicateKey'; message: string };

/** Nesting deeper than this is refused rather than risking the stack: package files are at most a few levels deep. */
const MAX_DEPTH = 64;
const NUMBER_RE = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

class Fail {
  constructor(
    readonly code: 'json' | 'duplicateKey',
    readonly message: string,
  ) {}
}

export function parseStrictJson(text: string): StrictJsonResult {
  let i = 0;

  const fail = (what: string): never => {
    throw new Fail('json', `JSON 格式错误：第 ${i + 1} 个字符处${what}`);
  };
  const skipWs = () => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
  };

  const parseString = (): string => {
    // text[i] is the opening quote
    i++;
    let out = '';
    let start = i;
    while (true) {
      if (i >= text.length) fail('字符串没有结束');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(start, i);
        i++;
        return out;
      }
      if (c < 0x20) fail('字符串中有未转义的控制字符');
      if (c === 0x5c) {
        out += text.slice(start, i);
        const e = text[i + 1];
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('\\u 转义不完整');
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else if (e !== undefined && e in ESCAPES) {
          out += ESCAPES[e];
          i += 2;
        } else {
          fail('有无效的转义');
        }
        start = i;
        continue;
      }
      i++;
    }
  };

  const parseValue = (depth: number, path: string): unknown => {
    if (depth > MAX_DEPTH) fail('嵌套过深');
    skipWs();
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      const seen = new Set<string>();
      skipWs();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      while (true) {
        skipWs();
        if (text[i] !== '"') fail('应为带引号的键名');
        const key = parseString();
        const keyPath = path ? `${path}.${key}` : key;
        if (seen.has(key)) throw new Fail('duplicateKey', `JSON 中键「${keyPath.slice(0, 80)}」出现了不止一次`);
        seen.add(key);
        skipWs();
        if (text[i] !== ':') fail('应为冒号');
        i++;
        // defineProperty so that a key named __proto__ is an ordinary own key, never the prototype
        Object.defineProperty(obj, key, { value: parseValue(depth + 1, keyPath), enumerable: true, writable: true, configurable: true });
        skipWs();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return obj;
        }
        fail('应为逗号或右花括号');
      }
    }
    if (c === '[') {
      i++;
      const arr: unknown[] = [];
      skipWs();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      while (true) {
        arr.push(parseValue(depth + 1, `${path}[${arr.length}]`));
        skipWs();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        fail('应为逗号或右方括号');
      }
    }
    if (c === '"') return parseString();
    if (text.startsWith('true', i)) {
      i += 4;
      return true;
    }
    if (text.startsWith('false', i)) {
      i += 5;
      return false;
    }
    if (text.startsWith('null', i)) {
      i += 4;
      return null;
    }
    NUMBER_RE.lastIndex = i;
    const m = NUMBER_RE.exec(text);
    if (m && m[0].length > 0) {
      i += m[0].length;
      return Number(m[0]);
    }
    return fail(i >= text.length ? '内容意外结束' : '有无法识别的内容');
  };

  try {
    const value = parseValue(0, '');
    skipWs();
    if (i !== text.length) fail('有多余的内容');
    return { ok: true, value };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, code: e.code, message: e.message };
    throw e;
  }
}
