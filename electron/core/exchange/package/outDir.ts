// The folder a package is written to (a USB stick): it must exist, be a folder and take files, said before any work.
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../../kernel/errors';

export function checkOutDir(dir: string): string {
  const abs = path.resolve(dir);
  let isDir = false;
  try {
    isDir = statSync(abs).isDirectory();
  } catch {
    throw new InputError(`文件夹“${abs}”不存在（U 盘是否已插好？），没有生成报送包`, 'outDir');
  }
  if (!isDir) throw new InputError(`“${abs}”不是文件夹，请选择保存报送包的文件夹`, 'outDir');
  try {
    accessSync(abs, constants.W_OK);
  } catch {
    throw new InputError(`没有写入文件夹“${abs}”的权限，没有生成报送包`, 'outDir');
  }
  return abs;
}
