// The container's failure kinds, each with its own Chinese message a clerk can act on (outer package or inner content).

export type ContainerFailure = { code: ContainerCode; message: string };

export const CONTAINER_CODES = [
  'unreadable',
  'empty',
  'tooLarge',
  'notZip',
  'truncated',
  'leadingBytes',
  'trailingBytes',
  'structure',
  'zip64',
  'encrypted',
  'method',
  'unsafeName',
  'directory',
  'folder',
  'unexpectedEntry',
  'duplicateEntry',
  'missingEntry',
  'tooManyEntries',
  'entryTooLarge',
  'compressible',
  'sizeMismatch',
  'inflatedTooLarge',
  'corrupt',
  'crc',
] as const;
export type ContainerCode = (typeof CONTAINER_CODES)[number];

/** Which ZIP a failure is about: the .cdpkg file itself, or the ZIP inside payload.age once decrypted. */
export type Layer = 'outer' | 'inner';

const RETRY = '请从报送法院重新拷贝或重新生成报送包。';

/** A name as it may be shown: control characters made visible, at most 60 characters. */
export function showName(name: string): string {
  const visible = name.replace(/[\u0000-\u001f\u007f]/g, '�');
  return visible.length > 60 ? `${visible.slice(0, 60)}…（共 ${name.length} 个字符）` : visible;
}

export function failure(layer: Layer, code: ContainerCode, name = '', detail = ''): ContainerFailure {
  const where = layer === 'outer' ? '报送包' : '报送包的加密内容';
  const entry = `「${showName(name)}」`;
  const expected = layer === 'outer' ? 'manifest.json、manifest.json.minisig、payload.age' : 'content.json 和规定的数据文件';
  const messages: Record<ContainerCode, string> = {
    unreadable: `无法读取报送包文件（${detail}），请检查 U 盘是否插好、文件是否还在。`,
    empty: `报送包文件是空的（0 字节），可能拷贝没有完成。${RETRY}`,
    tooLarge: `${where}超过 ${detail} 的上限，不予接收。`,
    notZip: layer === 'outer' ? '这不是 CourtDesk 报送包：文件不是 ZIP 格式（可能选错了文件）。' : `${where}不是 ZIP 格式，无法读取。${RETRY}`,
    truncated: `${where}已损坏或不完整（ZIP 结构被截断）。${RETRY}`,
    leadingBytes: `${where}开头有多余的数据（文件被改动过），不予接收。`,
    trailingBytes: `${where}末尾有多余的数据（文件被改动过或附加了注释），不予接收。`,
    structure: `${where}已损坏：ZIP 目录与其中的数据对不上（${detail || '结构不一致'}）。${RETRY}`,
    zip64: `${where}使用了 ZIP64 格式，CourtDesk 报送包不使用该格式，不予接收。`,
    encrypted: `${where}中的条目${entry}设置了 ZIP 加密标志，不予接收。`,
    method: `${where}中的条目${entry}使用了不支持的压缩方式（只接受不压缩或 DEFLATE）。`,
    unsafeName: `${where}含有不安全的条目名${entry}（绝对路径、上级目录、盘符、反斜杠或控制字符），不予接收。`,
    directory: `${where}含有文件夹${entry}，报送包中不应有文件夹，不予接收。`,
    folder: `${where}中的条目${entry}位于文件夹中，报送包的条目都应在最外层，不予接收。`,
    unexpectedEntry: `${where}含有不应有的条目${entry}（只应有 ${expected}），不予接收。`,
    duplicateEntry: `${where}中的条目${entry}出现了不止一次，不予接收。`,
    missingEntry: `${where}缺少条目${entry}，报送包不完整。${RETRY}`,
    tooManyEntries: `${where}的条目过多（${detail}），不予接收。`,
    entryTooLarge: `${where}中的条目${entry}超过 ${detail} 的大小上限，不予接收。`,
    compressible: `${where}中的${entry}可被大幅压缩，不是加密数据（疑似 ZIP 炸弹），不予接收。`,
    sizeMismatch: `${where}中的条目${entry}的实际大小与声明的大小不符（文件已损坏或被改动），不予接收。`,
    inflatedTooLarge: `${where}解压后的总量超过 ${detail} 的上限，不予接收。`,
    corrupt: `${where}中的条目${entry}的压缩数据已损坏，无法解压。${RETRY}`,
    crc: `${where}中的条目${entry}的校验值（CRC-32）不符，数据已损坏。${RETRY}`,
  };
  return { code, message: messages[code] };
}
